import Foundation

/// A round tick increment (1, 2 or 5 times a power of ten) giving about
/// `ticks` intervals over `span`, so small panels keep readable axes.
/// Returns 1 for a span that is not positive and finite.
func niceTickStep(span: Double, ticks: Int) -> Double {
    guard span.isFinite, span > 0, ticks > 0 else { return 1 }
    let raw = span / Double(ticks)
    let magnitude = pow(10, (log10(raw)).rounded(.down))
    for factor in [1.0, 2, 5, 10] where factor * magnitude >= raw * 0.999_999 {
        return factor * magnitude
    }
    return 10 * magnitude
}
