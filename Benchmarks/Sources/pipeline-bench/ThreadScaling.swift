/// Splits an N-thread epoch's multiple of the ideal floor into two factors
/// measured in the same run, so a missed target says whose it is:
///
///     epoch(N) / idealFloor = [epoch(1) / floor(1)] x [N / speedup]
///
/// - floor(1) = N x idealFloor, the 1-thread GEMM floor: epoch(1) / floor(1)
///   is what the step costs beyond its products (gather, activations, loss,
///   update, cache misses between products), with no second thread involved;
/// - speedup = epoch(1) / epoch(N), the training's own gain from N threads.
///
/// Beside them, sgemm's gain alone, every core running whole-batch products at
/// once: N x idealFloor / busyFloor (`busyOverIdeal` is busyFloor / idealFloor). On a host whose cores share so much that
/// sgemm alone stays above the target with every core busy, no split of the
/// step's products can meet the target there.
struct ThreadScaling: Sendable, Equatable {
    var threads: Int
    /// Median over rounds of the 1-thread epoch / that round's 1-thread floor.
    var overSingleThreadFloor: Double
    /// Median 1-thread epoch / median N-thread epoch.
    var speedup: Double

    /// The product of the two factors: what they predict for epoch(N) / idealFloor.
    var overIdealFloor: Double { overSingleThreadFloor * Double(threads) / speedup }

    /// One line on a missed target (`missed`: the activations above it): the
    /// factors, then each cause that holds, in the order step, split, host:
    /// - the step on one thread is above `target` x its floor;
    /// - the training gains less from the threads than sgemm alone does;
    /// - sgemm alone, every core busy, is above `target` x the ideal floor, so
    ///   no split of these products meets the target on this host's cores.
    /// `scalings` are the activations' (any order), `busyOverIdeal` the busy floor / the ideal floor.
    static func diagnosis(missed: [String], target: Double, scalings: [ThreadScaling], busyOverIdeal: Double) -> String {
        guard !missed.isEmpty, let threads = scalings.first?.threads else { return "" }
        let single = scalings.map(\.overSingleThreadFloor), speedups = scalings.map(\.speedup)
        let sgemmSpeedup = Double(threads) / busyOverIdeal
        let line = String(format: "on 1 thread the step takes %@ x its floor; on %d threads it runs %@ x faster, and sgemm alone, "
                          + "with every core busy, %.2f x (%.3f x the ideal floor)",
                          span(single), threads, span(speedups), sgemmSpeedup, busyOverIdeal)
        var causes: [String] = []
        if single.contains(where: { $0 > target }) {
            causes.append(String(format: "the step itself is above %.2f x its floor on one thread", target))
        }
        if speedups.contains(where: { $0 * target < sgemmSpeedup }) {
            causes.append("the split over the threads gains less than sgemm alone")
        }
        if busyOverIdeal > target {
            causes.append(String(format: "the products alone are above %.2f x on this host's cores, whatever the split", target))
        }
        return causes.isEmpty ? line : line + ": " + causes.joined(separator: "; ")
    }

    /// "a" or "a-b" (lowest to highest, 2 decimals).
    static func span(_ values: [Double]) -> String {
        let low = String(format: "%.2f", values.min() ?? .nan), high = String(format: "%.2f", values.max() ?? .nan)
        return low == high ? low : "\(low)-\(high)"
    }
}
