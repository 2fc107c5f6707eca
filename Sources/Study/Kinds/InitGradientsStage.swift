import Foundation
import Nets
import Workflow

/// Gradient spread at initialisation, per activation and linear layer.
struct InitGradients: Codable, Sendable {
    struct Layer: Codable, Sendable {
        var name: String
        var shape: [Int]
        var meanAbs: Double
        var std: Double
    }
    struct PerActivation: Codable, Sendable {
        var activation: String
        var loss: Double
        var layers: [Layer]
    }
    var seed: UInt64
    var images: Int
    var activations: [PerActivation]
}

/// `init-gradients`: for each activation, the initial network of the `init`
/// dependency, one forward and backward pass of cross-entropy on the first
/// `batch` train-split images, and every linear layer's weight gradient.
/// Outputs: `init-gradients.json` (loss, mean |g| and std per layer) and
/// `gradients.safetensors` (`<activation>.layers.<2i>.weight`, the raw
/// gradients the report's histograms are drawn from).
struct InitGradientsStage: StageKind {
    struct Params: Codable, Sendable {
        var activations: [ActivationKind]
        var batch: Int
    }

    static let name = "init-gradients"
    static let version = 1  // numerics changes: Numerics.version
    static let numeric = true
    static let summary = "weight-gradient distributions of freshly initialised networks"
    static let inputs = [StudyData.decompressed, StudyData.splitIndices, InitCheckpoint.role]

    func run(_ params: Params, in context: StageContext) throws {
        let data = try StudyData.trainImages(context)
        let split = try StudyData.split(context)
        let initial = try InitCheckpoint.read(in: context)
        guard params.batch > 0, params.batch <= split.train.count else {
            throw StageError("params.batch: expected 1...\(split.train.count), found \(params.batch)")
        }
        let indices = Array(split.train.prefix(params.batch))
        let batch = try PixelNormalization.batch(data, indices: indices)
        let labels = indices.map { data.labels[$0] }
        var tensors: [String: Safetensors.Tensor] = [:]
        var results: [InitGradients.PerActivation] = []
        for kind in params.activations {
            let model = try InitCheckpoint.model(initial, activation: kind)
            let grads = try model.gradients(input: batch, labels: labels, threads: context.threads)
            var layers: [InitGradients.Layer] = []
            for (i, g) in grads.weights.enumerated() {
                let stats = GradientStats.stats(g.values)
                layers.append(.init(name: "layers.\(2 * i).weight", shape: [g.rows, g.cols],
                                    meanAbs: stats.meanAbs, std: stats.std))
                tensors["\(kind.rawValue).layers.\(2 * i).weight"] = .init(shape: [g.rows, g.cols], values: g.values)
            }
            results.append(.init(activation: kind.rawValue, loss: Double(grads.loss), layers: layers))
            context.log(String(format: "%@: loss %.4f", kind.rawValue, grads.loss))
        }
        try Artifacts.write(InitGradients(seed: initial.seed, images: params.batch, activations: results),
                            as: "init-gradients.json", in: context)
        try context.write(Safetensors.encode(tensors, metadata: ["format": "pipeline.gradients.v1"]),
                          to: "gradients.safetensors")
    }
}
