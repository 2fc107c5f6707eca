import Foundation
import Workflow

/// Per-epoch curves of every trained network.
struct TrainingCurves: Codable, Sendable {
    struct Run: Codable, Sendable {
        var stage: String
        var activation: String
        var seed: UInt64
        var validationAccuracy: [Double]
        var trainAccuracy: [Double]
        var trainLoss: [Double]
        var bestEpoch: Int
        var layerSizes: [Int]
        var batchSize: Int
        var learningRate: Double
        var momentum: Double
        var maxEpochs: Int
        var patience: Int
    }
    var runs: [Run]
}

/// `curves`: collects the per-epoch metrics of every `train` dependency, in
/// stage-name order. Output: `curves.json`.
struct CurvesStage: StageKind {
    struct Params: Codable, Sendable {}

    static let name = "curves"
    static let version = 2
    static let summary = "validation accuracy per epoch of every trained network"

    func run(_ params: Params, in context: StageContext) throws {
        let inputs = context.inputs("train")
        guard !inputs.isEmpty else { throw StageError("expected at least one 'train' dependency") }
        let runs = try inputs.map { input -> TrainingCurves.Run in
            let m = try Artifacts.read(TrainMetrics.self, from: input.url("metrics.json"), what: input.stage)
            return .init(stage: input.stage, activation: m.activation, seed: m.seed,
                         validationAccuracy: m.epochs.map(\.validationAccuracy),
                         trainAccuracy: m.epochs.map(\.trainAccuracy), trainLoss: m.epochs.map(\.trainLoss),
                         bestEpoch: m.bestEpoch, layerSizes: m.layerSizes, batchSize: m.batchSize,
                         learningRate: m.learningRate, momentum: m.momentum, maxEpochs: m.maxEpochs, patience: m.patience)
        }
        try Artifacts.write(TrainingCurves(runs: runs), as: "curves.json", in: context)
    }
}
