/// Equal-width histogram with `numpy.histogram` semantics.
///
/// - Range: `[min, max]` of the data unless `range` is given; when the two bounds
///   are equal the range widens to `[v - 0.5, v + 0.5]`, as numpy does.
/// - Edges: `edges[i] = lower + i * (upper - lower) / bins`, last edge exactly `upper`
///   (numpy's `linspace`). `bins + 1` edges.
/// - Bins are half-open `[e_i, e_{i+1})` except the last, which is closed, so the
///   maximum lands in the last bin. Values outside a given range are not counted.
/// - Arithmetic in Double whatever the input type (numpy uses the input dtype
///   for float32 edges; the difference is at most one ulp of float32 per edge).
/// - Deterministic: a pure function of the values, order-independent.
public struct Histogram: Sendable, Equatable, Codable {
    /// `bins + 1` ascending bin edges.
    public let edges: [Double]
    /// One count per bin.
    public let counts: [Int]

    /// Number of bins.
    public var bins: Int { counts.count }
    /// Values counted (those inside the range).
    public var total: Int { counts.reduce(0, +) }
    /// Width shared by every bin.
    public var binWidth: Double { (edges[edges.count - 1] - edges[0]) / Double(bins) }
    /// Midpoint of each bin.
    public var centers: [Double] { (0..<bins).map { (edges[$0] + edges[$0 + 1]) / 2 } }

    public init(_ values: [Float], bins: Int, range: ClosedRange<Double>? = nil) throws(HistogramError) {
        try self.init(values.map(Double.init), bins: bins, range: range)
    }

    public init(_ values: [Double], bins: Int, range: ClosedRange<Double>? = nil) throws(HistogramError) {
        guard bins >= 1 else { throw .invalidBinCount(bins) }
        for (i, v) in values.enumerated() where !v.isFinite {
            throw .nonFiniteValue(index: i, value: v)
        }
        var (lower, upper): (Double, Double)
        if let range {
            guard range.lowerBound.isFinite, range.upperBound.isFinite else {
                throw .invalidRange(lower: range.lowerBound, upper: range.upperBound)
            }
            (lower, upper) = (range.lowerBound, range.upperBound)
        } else if let lo = values.min(), let hi = values.max() {
            (lower, upper) = (lo, hi)
        } else {
            (lower, upper) = (0, 1)  // numpy's range for empty input
        }
        if lower == upper { (lower, upper) = (lower - 0.5, upper + 0.5) }

        let step = (upper - lower) / Double(bins)
        var edges = (0...bins).map { lower + Double($0) * step }
        edges[bins] = upper
        var counts = [Int](repeating: 0, count: bins)
        let scale = Double(bins) / (upper - lower)
        for v in values where v >= lower && v <= upper {
            // Index from the scaled offset, then corrected against the actual
            // edges so rounding never puts a value on the wrong side of one.
            var k = min(Int(((v - lower) * scale).rounded(.down)), bins - 1)
            if v < edges[k] { k -= 1 }
            if k < bins - 1 && v >= edges[k + 1] { k += 1 }
            counts[k] += 1
        }
        self.edges = edges
        self.counts = counts
    }

    /// `counts / (total * binWidth)`: a density that integrates to 1 over the
    /// range. All zeros when nothing was counted (numpy would give NaN).
    public func density() -> [Double] {
        let n = total
        guard n > 0 else { return [Double](repeating: 0, count: bins) }
        let norm = Double(n) * binWidth
        return counts.map { Double($0) / norm }
    }
}
