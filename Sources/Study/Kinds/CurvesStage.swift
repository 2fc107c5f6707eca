import Foundation
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
