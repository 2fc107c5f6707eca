/// Summary of a sample, accumulated in Double (two passes, so the variance has
/// no catastrophic cancellation).
///
/// `std` is the unbiased (n - 1) standard deviation, as `torch.std` and
/// `numpy.std(ddof=1)` give. With fewer than two values `std` is NaN; with no
/// values every field but `count` is NaN. Values are expected finite (a NaN
/// makes mean and std NaN; use `Histogram` to locate one).
public struct SummaryStats: Sendable, Equatable, Codable {
    public let count: Int
    public let mean: Double
    public let std: Double
    public let meanAbs: Double
    public let min: Double
    public let max: Double

    public init(_ values: [Float]) { self.init(values.map(Double.init)) }

    public init(_ values: [Double]) {
        count = values.count
        guard let lo = values.min(), let hi = values.max() else {
            (mean, std, meanAbs, min, max) = (.nan, .nan, .nan, .nan, .nan)
            return
        }
        let n = Double(values.count)
        let m = values.reduce(0, +) / n
        mean = m
        meanAbs = values.reduce(0) { $0 + abs($1) } / n
        std = values.count < 2 ? .nan : (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)).squareRoot()
        min = lo
        max = hi
    }
}
