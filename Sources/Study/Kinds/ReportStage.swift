import Foundation
import Nets
import Report
import Workflow

/// `report`: `report.md`, `metrics.json` and the figures under `figures/`
/// (`.dat` + `.gp` + `.svg`), from every analysis of the study, and
/// `timings.md`, the time each stage took and the machine it ran on.
/// Everything but `timings.md` is deterministic; that one holds wall-clock
/// times and host facts and is a volatile output.
///
/// When gnuplot is missing the stage still writes the data and scripts, says
/// so in its log and in the report, and succeeds; the SVGs are then absent.
struct ReportStage: StageKind {
    struct Params: Codable, Sendable {
        var title: String
    }

    static let name = "report"
    /// 4: provenance names pipeline.json's hash and the tool version; stage times in timings.md.
    static let version = 8  // 5: facet-grid histogram layout; 6: thread counts only in timings.md; 7: host facts only in timings.md, numerics stated; 8: BLAS row names the lanes
    static let numeric = true
    static let summary = "the study's report, figures and metrics.json"
    static let inputs = ReportInputs.roles
    static let volatileOutputs: Set<String> = ["timings.md"]

    func run(_ params: Params, in context: StageContext) throws {
        let inputs = try ReportInputs.load(context)
        let figuresDir = context.outputDirectory.appendingPathComponent("figures")
        var rendered = true
        var figures: [ReportMarkdown.Figure] = []
        for entry in ReportFigures.all(inputs) {
            do {
                try entry.figure.render(to: figuresDir, name: entry.name)
            } catch let error as GnuplotError {
                if case .notFound = error {
                    rendered = false
                } else {
                    throw StageError("figure \(entry.name): \(error)")
                }
            }
            figures.append(.init(name: entry.name, caption: entry.caption))
        }
        if !rendered {
            context.log("gnuplot not found: wrote the figures' .dat and .gp files without SVGs; install gnuplot-nox and rerun, or run `gnuplot NAME.gp` in outputs/figures")
        }
        let metrics = Self.metrics(inputs)
        try Artifacts.write(metrics, as: "metrics.json", in: context)
        let markdown = ReportMarkdown(title: params.title, inputs: inputs, metrics: metrics, figures: figures,
                                      rendered: rendered, numerics: context.numerics)
        try Artifacts.writeText(markdown.render(), as: "report.md", in: context)
        let timings = ReportTimings(inputs: inputs, environment: .current(), pipelineHash: context.pipelineHash,
                                    toolVersion: context.toolVersion)
        try Artifacts.writeText(timings.render(), as: "timings.md", in: context)
    }

    static func metrics(_ inputs: ReportInputs) -> StudyMetrics {
        var accuracy: [String: [String: Double]] = [:]
        var epochs: [String: [String: Int]] = [:]
        for e in inputs.evaluations {
            accuracy[e.activation, default: [:]][String(e.seed)] = e.testAccuracy
            epochs[e.activation, default: [:]][String(e.seed)] = e.bestEpoch
        }
        let summary = accuracy.mapValues { bySeed -> StudyMetrics.MeanStd in
            let (m, s) = meanStd(bySeed.keys.sorted().compactMap { bySeed[$0] })
            return .init(mean: m, std: s, seeds: bySeed.count)
        }
        let d = inputs.deadNeurons
        var gradients: [String: StudyMetrics.GradientSpread] = [:]
        for a in inputs.initGradients.activations {
            gradients[a.activation] = .init(loss: a.loss, mean_abs: a.layers.map(\.meanAbs), std: a.layers.map(\.std))
        }
        return StudyMetrics(test_accuracy: accuracy, test_accuracy_summary: summary, best_epoch: epochs,
                            dead_neurons: ["untrained": d.untrained.counts, "trained": d.trained.counts,
                                           "deep_untrained": d.deepUntrained.counts],
                            init_gradients: gradients)
    }
}
