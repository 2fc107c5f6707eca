import Foundation
import Report
import Workflow

/// Per-epoch curves of every trained network: each `train` dependency's
/// metrics under its stage name.
struct TrainingCurves: Codable, Sendable {
    struct Run: Codable, Sendable {
        var stage: String
        var metrics: TrainMetrics
        var activation: String { metrics.activation }
        var seed: UInt64 { metrics.seed }
        var validationAccuracy: [Double] { metrics.epochs.map(\.validationAccuracy) }
    }
    var runs: [Run]
}

/// `curves`: collects the per-epoch metrics of every `train` dependency, in
/// stage-name order. Output: `curves.json`.
struct CurvesStage: StageKind {
    struct Params: Codable, Sendable {}

    static let name = "curves"
    static let version = 3  // 3: each run's whole metrics
    static let summary = "validation accuracy per epoch of every trained network"
    static let inputs = [InputRole("train", .oneOrMore, files: ["metrics.json"])]

    func run(_ params: Params, in context: StageContext) throws {
        let inputs = context.inputs("train")
        guard !inputs.isEmpty else { throw StageError("expected at least one 'train' dependency") }
        let runs = try inputs.map { input in
            TrainingCurves.Run(stage: input.stage,
                               metrics: try Artifacts.read(TrainMetrics.self, from: input.url("metrics.json"), what: input.stage))
        }
        try Artifacts.write(TrainingCurves(runs: runs), as: "curves.json", in: context)
    }
}

/// In the report: the training protocol the test-accuracy section opens with,
/// and the validation-accuracy figure.
extension CurvesStage: ReportContributor {
    static let reportFiles = ["curves.json"]

    static func loadReport(_ context: StageContext) throws -> TrainingCurves {
        try Artifacts.read(TrainingCurves.self, role: name, file: "curves.json", in: context)
    }

    /// The training protocol, read from the runs themselves.
    static func shareFacts(_ curves: TrainingCurves, into report: inout ReportContext) {
        guard let r = curves.runs.first?.metrics else { return }
        let total = report.evaluations.first?.total ?? 0
        report.trainingProtocol = "Each network (\(r.layerSizes.map(String.init).joined(separator: "-"))) is trained with SGD "
            + "(learning rate \(NumberFormat.general(r.learningRate)), momentum \(NumberFormat.general(r.momentum)), "
            + "batch \(r.batchSize)) for at most \(r.maxEpochs) epochs, stopping after \(r.patience) epochs without a "
            + "better validation accuracy; the test accuracy is that of the best-validation weights, on the \(total) test images."
    }

    static func reportBlocks(_ curves: TrainingCurves, _ report: ReportContext) -> [ReportBlock] {
        let series = report.activations.map { act in
            CurveSeries(name: ReportContext.displayName(act),
                        runs: curves.runs.filter { $0.activation == act }.map(\.validationAccuracy))
        }
        let seeds = Set(curves.runs.map(\.seed)).count
        return [.figure(.init(
            name: "validation-curves",
            caption: "Validation accuracy per epoch: mean over \(seeds) seed\(seeds == 1 ? "" : "s"), band from the lowest to the highest seed. Runs stop at different epochs (early stopping).",
            figure: CurvesFigure(series: series, band: .minMax, yLabel: "validation accuracy (%)")))]
    }
}
