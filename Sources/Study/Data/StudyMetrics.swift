import Foundation
import Support

/// `outputs/metrics.json`: the study's results for scripts and CI, the
/// machine-readable twin of the report (see docs/metrics.md).
///
/// Keys are snake_case and stable; accuracies are percentages. Only
/// deterministic results go here (no times, no hosts), so a rerun on the same
/// machine gives the same bytes and `pipeline check` can compare runs. The
/// test-accuracy keys are the report's own; every other key is a
/// contributor's (`ReportContributor.reportMetrics`), at the top level beside them.
struct StudyMetrics: Encodable {
    struct MeanStd: Codable, Sendable { var mean: Double; var std: Double; var seeds: Int }

    /// activation -> seed -> test accuracy (%).
    var test_accuracy: [String: [String: Double]]
    /// activation -> mean and sample standard deviation over seeds.
    var test_accuracy_summary: [String: MeanStd]
    /// activation -> seed -> best epoch (1-based).
    var best_epoch: [String: [String: Int]]
    /// The contributors' keys (e.g. `dead_neurons`, `init_gradients`).
    var analyses: [String: any Encodable & Sendable]

    static let ownKeys: Set<String> = ["test_accuracy", "test_accuracy_summary", "best_epoch"]

    init(evaluations: [Evaluation], analyses: [String: any Encodable & Sendable]) {
        var accuracy: [String: [String: Double]] = [:]
        var epochs: [String: [String: Int]] = [:]
        for e in evaluations {
            accuracy[e.activation, default: [:]][String(e.seed)] = e.testAccuracy
            epochs[e.activation, default: [:]][String(e.seed)] = e.bestEpoch
        }
        test_accuracy = accuracy
        test_accuracy_summary = accuracy.mapValues { bySeed in
            let (m, s) = meanStd(bySeed.keys.sorted().compactMap { bySeed[$0] })
            return MeanStd(mean: m, std: s, seeds: bySeed.count)
        }
        best_epoch = epochs
        self.analyses = analyses
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// One object: the own keys and the contributors'. (Artifacts' encoder
    /// sorts keys, so the order here does not reach the bytes.)
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(test_accuracy, forKey: Key("test_accuracy"))
        try c.encode(test_accuracy_summary, forKey: Key("test_accuracy_summary"))
        try c.encode(best_epoch, forKey: Key("best_epoch"))
        for (name, value) in analyses { try c.encode(value, forKey: Key(name)) }
    }
}

/// Mean and sample standard deviation of `xs` (`SummaryStats`' convention: n - 1, 0 for a single value).
func meanStd(_ xs: [Double]) -> (mean: Double, std: Double) {
    let s = SummaryStats(xs)
    return (s.mean, s.std)
}
