/// Summary of a sample, accumulated in Double in element order (two passes, so
/// the variance has no catastrophic cancellation): the project's one mean and
/// standard deviation.
///
/// Convention: `std` is the unbiased (n - 1) standard deviation, as
/// `torch.std` and `numpy.std(ddof=1)` give, and 0 for a single value (one
/// seed, one run: no spread is shown, where torch would give NaN). With no
/// values every field but `count` is NaN. Values are expected finite (a NaN
/// makes mean and std NaN; use `Histogram` to locate one).
public struct SummaryStats: Sendable, Equatable, Codable {
    public let count: Int
    public let mean: Double
    public let std: Double
    public let meanAbs: Double
    public let min: Double
    public let max: Double

    public init(_ values: [Float]) { self.init(values, as: Float.self) }

    public init(_ values: [Double]) { self.init(values, as: Double.self) }

    // Generic over the element so a [Float] is summed without a Double copy
    // (a gradient's spread is taken over every weight); Float -> Double is exact.
    private init<C: Collection>(_ values: C, as: C.Element.Type) where C.Element: BinaryFloatingPoint {
        count = values.count
        guard !values.isEmpty else {
            (mean, std, meanAbs, min, max) = (.nan, .nan, .nan, .nan, .nan)
            return
        }
        var sum = 0.0, sumAbs = 0.0
        var lo = Double(values.first!), hi = lo
        for v in values {
            let d = Double(v)
            sum += d
            sumAbs += abs(d)
            if d < lo { lo = d }  // the first of equal values wins, as Sequence.min/max
            if d > hi { hi = d }
        }
        let n = Double(values.count)
        let m = sum / n
        var squares = 0.0
        for v in values { let d = Double(v) - m; squares += d * d }
        mean = m
        meanAbs = sumAbs / n
        std = values.count < 2 ? 0 : (squares / (n - 1)).squareRoot()
        min = lo
        max = hi
    }
}
