import Foundation
import Support

/// Parameters of gnuplot's `smooth kdensity` line drawn over a histogram.
///
/// gnuplot draws `sum_i w * N(x; x_i, h)` over the sampled values x_i. With
/// `m` samples, `w = 1/m` makes the curve a density (area 1), and
/// `w = total * binWidth / m` puts it on the scale of count bars. The
/// bandwidth `h` is Scott's rule `std * m^(-1/5)` (the sample's unbiased std),
/// or the bin width when the sample has no spread, so it is never 0.
struct KernelDensityLine: Equatable {
    let weight: Double
    let bandwidth: Double

    init(sample: [Double], histogram h: Histogram, density: Bool) {
        let m = Double(max(sample.count, 1))
        weight = density ? 1 / m : Double(h.total) * h.binWidth / m
        let sd = SummaryStats(sample).std
        let scott = sd * pow(m, -0.2)
        bandwidth = scott.isFinite && scott > 0 ? scott : (h.binWidth > 0 ? h.binWidth : 1)
    }

    /// The `plot` clause drawing it from data block `index` of `file` (a
    /// quoted gnuplot string; `''` repeats the previous file of the plot).
    func plotClause(index: Int, file: String = "''") -> String {
        "\(file) index \(index) using 1:(\(NumberFormat.general(weight, digits: 9)))"
            + " smooth kdensity bandwidth \(NumberFormat.general(bandwidth, digits: 9))"
    }

    /// The curve's height at `x`: `sum_i weight * N(x; sample_i, bandwidth)`,
    /// the same sum gnuplot draws; used to size the y axis above its peak.
    func value(at x: Double, sample: [Double]) -> Double {
        let norm = weight / (bandwidth * (2 * Double.pi).squareRoot())
        return sample.reduce(0) { acc, xi in
            let z = (x - xi) / bandwidth
            return acc + norm * exp(-0.5 * z * z)
        }
    }
}
