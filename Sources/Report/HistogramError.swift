/// Why a histogram could not be built. Values come from computed tensors, so a
/// non-finite one usually means a diverged run: say where it is.
public enum HistogramError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `bins` must be at least 1.
    case invalidBinCount(Int)
    /// The value at `index` is NaN or infinite.
    case nonFiniteValue(index: Int, value: Double)
    /// The requested range has a non-finite bound or `lower > upper`.
    case invalidRange(lower: Double, upper: Double)

    public var description: String {
        switch self {
        case .invalidBinCount(let bins):
            return "histogram: bins is \(bins), expected an integer >= 1"
        case .nonFiniteValue(let index, let value):
            return "histogram: value at index \(index) is \(value), expected a finite number"
        case .invalidRange(let lower, let upper):
            return "histogram: range [\(lower), \(upper)] is invalid, expected finite bounds with lower <= upper"
        }
    }
}
