import Foundation

/// Round tick positions for a small panel: multiples of a 1, 2, 2.5 or 5 x
/// 10^k step inside `[lower + inset * span, upper - inset * span]`, about
/// `target` of them.
///
/// The inset keeps labels off the panel's corners, where an x label at the
/// left edge would collide with the y axis's lowest label. Steps are tried
/// per decade from large to small (5, 2, 2.5, 1; down to span / 100): the
/// first giving exactly
/// `target` ticks wins, else the first giving `target - 1`, else the first
/// giving `target + 1`, else the count nearest to `target`. Returns [] for a
/// range that is not finite and increasing.
func axisTicks(lower: Double, upper: Double, target: Int = 3, inset: Double = 0.08) -> [Double] {
    let span = upper - lower
    guard lower.isFinite, upper.isFinite, span > 0, target >= 1 else { return [] }
    let lo = lower + inset * span, hi = upper - inset * span
    let top = (log10(span)).rounded(.down)
    var found: [[Double]] = []
    for e in stride(from: top, through: top - 2, by: -1) {
        // 2 before 2.5: rounder labels when both give the wanted count.
        for m in [5, 2, 2.5, 1] {
            let step = m * pow(10, e)
            let first = (lo / step).rounded(.up), last = (hi / step).rounded(.down)
            // Multiply integers by the step (not accumulate) so 3 * 0.1 stays clean.
            found.append(first <= last ? stride(from: first, through: last, by: 1).map { $0 == 0 ? 0 : $0 * step } : [])
        }
    }
    for want in [target, target - 1, target + 1] where want >= 1 {
        if let hit = found.first(where: { $0.count == want }) { return hit }
    }
    return found.min { abs($0.count - target) < abs($1.count - target) } ?? []
}
