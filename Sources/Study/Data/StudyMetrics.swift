import Foundation
import Support

/// `outputs/metrics.json`: the study's results for scripts and CI, the
/// machine-readable twin of the report (see docs/metrics.md).
///
/// Keys are snake_case and stable; accuracies are percentages. Only
/// deterministic results go here (no times, no hosts), so a rerun on the same
/// machine gives the same bytes and `pipeline check` can compare runs.
struct StudyMetrics: Codable, Sendable {
    struct MeanStd: Codable, Sendable { var mean: Double; var std: Double; var seeds: Int }
    struct GradientSpread: Codable, Sendable { var loss: Double; var mean_abs: [Double]; var std: [Double] }

    /// activation -> seed -> test accuracy (%).
    var test_accuracy: [String: [String: Double]]
    /// activation -> mean and sample standard deviation over seeds.
    var test_accuracy_summary: [String: MeanStd]
    /// activation -> seed -> best epoch (1-based).
    var best_epoch: [String: [String: Int]]
    /// "untrained", "trained", "deep_untrained" -> dead units per layer (seed 42).
    var dead_neurons: [String: [Int]]
    /// activation -> loss and per-layer spread of the weight gradients at init (seed 42).
    var init_gradients: [String: GradientSpread]
}

/// Mean and sample standard deviation of `xs` (`SummaryStats`' convention: n - 1, 0 for a single value).
func meanStd(_ xs: [Double]) -> (mean: Double, std: Double) {
    let s = SummaryStats(xs)
    return (s.mean, s.std)
}
