import Foundation
import Testing
@testable import Report

/// Checks our reading of gnuplot's `smooth kdensity` (a sum of weighted
/// Gaussians of std = bandwidth) against the real binary, so the density
/// lines sit on the bars' scale.
struct KernelDensityLineTests {
    private func gnuplotCurve(_ kde: KernelDensityLine, sample: [Double], range: (Double, Double)) throws -> [(Double, Double)] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-kde-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var data = GnuplotData()
        data.addBlock(comment: "raw", rows: sample.map { [$0] }, digits: 17)
        try Data(data.text.utf8).write(to: folder.appendingPathComponent("raw.dat"))
        let script = """
        set table 'curve.txt'
        set samples 401
        set xrange [\(NumberFormat.general(range.0, digits: 17)):\(NumberFormat.general(range.1, digits: 17))]
        plot \(kde.plotClause(index: 0, file: "'raw.dat'"))
        unset table

        """
        try Data(script.utf8).write(to: folder.appendingPathComponent("kde.gp"))
        try Gnuplot.render(script: folder.appendingPathComponent("kde.gp"))
        let text = try String(contentsOf: folder.appendingPathComponent("curve.txt"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let f = line.split(separator: " ").compactMap { Double($0) }
            return line.hasPrefix("#") || f.count < 2 ? nil : (f[0], f[1])
        }
    }

    private func expected(_ x: Double, _ kde: KernelDensityLine, _ sample: [Double]) -> Double {
        let h = kde.bandwidth
        return sample.reduce(0) { $0 + kde.weight * exp(-0.5 * (x - $1) * (x - $1) / (h * h)) / (h * (2 * Double.pi).squareRoot()) }
    }

    @Test func densityLineMatchesWeightedGaussiansAndHasAreaOne() throws {
        let sample = testNormals(count: 400, seed: 7).map(Double.init)
        let h = try Histogram(sample, bins: 50)
        let kde = KernelDensityLine(sample: sample, histogram: h, density: true)
        let curve = try gnuplotCurve(kde, sample: sample, range: (-8, 8))
        #expect(curve.count == 401)
        let peak = curve.map(\.1).max() ?? 0
        let diff = curve.map { abs($0.1 - expected($0.0, kde, sample)) }.max() ?? .nan
        print("kdensity: max |gnuplot - sum of Gaussians| = \(diff) (peak \(peak))")
        #expect(diff < 1e-4 * peak)
        // The Swift evaluation that sizes the histogram grid's y axis follows gnuplot's line too.
        let own = curve.map { abs($0.1 - kde.value(at: $0.0, sample: sample)) }.max() ?? .nan
        print("kdensity: max |gnuplot - KernelDensityLine.value| = \(own)")
        #expect(own < 1e-4 * peak)
        let area = zip(curve, curve.dropFirst()).reduce(0) { $0 + ($1.1.0 - $1.0.0) * ($1.0.1 + $1.1.1) / 2 }
        print("kdensity: area = \(area)")
        #expect(abs(area - 1) < 1e-3)
    }

    @Test func countLineHasTheBarsArea() throws {
        let sample = testNormals(count: 300, seed: 9, scale: 0.01).map(Double.init)
        let h = try Histogram(sample, bins: 30)
        let kde = KernelDensityLine(sample: sample, histogram: h, density: false)
        let curve = try gnuplotCurve(kde, sample: sample, range: (-0.08, 0.08))
        let area = zip(curve, curve.dropFirst()).reduce(0) { $0 + ($1.1.0 - $1.0.0) * ($1.0.1 + $1.1.1) / 2 }
        let bars = Double(h.total) * h.binWidth
        print("kdensity counts: area \(area), bars \(bars)")
        #expect(abs(area / bars - 1) < 1e-3)
    }

    @Test func bandwidthIsScottOrTheBinWidth() throws {
        let sample = [1.0, 2, 3, 4]
        let kde = KernelDensityLine(sample: sample, histogram: try Histogram(sample, bins: 3), density: true)
        // std (n-1) of 1..4 is sqrt(5/3)
        #expect(abs(kde.bandwidth - (5.0 / 3).squareRoot() * pow(4, -0.2)) < 1e-15)
        let flat = [0.0, 0, 0]
        let k0 = KernelDensityLine(sample: flat, histogram: try Histogram(flat, bins: 50), density: true)
        #expect(k0.bandwidth == 1.0 / 50)
    }
}
