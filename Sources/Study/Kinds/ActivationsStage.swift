import Foundation
import Nets
import Workflow

/// `activations@<activation>`: the outputs of every layer but the last (each
/// linear and each activation layer) of the trained network on the first
/// `images` train-split images. Output: `activations.safetensors` with one
/// tensor per layer, `layer.<k>` (images x width), plus `activations.json`
/// naming them as the report titles them.
struct ActivationsStage: StageKind {
    struct Params: Codable, Sendable {
        var images: Int
    }

    struct Summary: Codable, Sendable {
        var activation: String
        var seed: UInt64
        var images: Int
        var layers: [String]
    }

    static let name = "activations"
    static let version = 1  // numerics changes: Numerics.version
    static let numeric = true
    static let summary = "layer output distributions of a trained network"
    static let inputs = [StudyData.decompressed, StudyData.splitIndices, StudyData.trainedNetwork]

    func run(_ params: Params, in context: StageContext) throws {
        let data = try StudyData.trainImages(context)
        let split = try StudyData.split(context)
        let (model, metrics) = try StudyData.trained(context)
        guard params.images > 0, params.images <= split.train.count else {
            throw StageError("params.images: expected 1...\(split.train.count), found \(params.images)")
        }
        let outputs = try model.forwardCapturing(PixelNormalization.batch(data, indices: Array(split.train.prefix(params.images))),
                                                 threads: context.threads)
        var tensors: [String: Safetensors.Tensor] = [:]
        var names: [String] = []
        let actName = type(of: model.config.activation.function).displayName
        for (k, m) in outputs.enumerated() {
            tensors["layer.\(k)"] = .init(shape: [m.rows, m.cols], values: m.values)
            names.append("Layer \(k) - \(k % 2 == 0 ? "Linear" : actName)")
        }
        try context.write(Safetensors.encode(tensors, metadata: ["format": "pipeline.activations.v1"]),
                          to: "activations.safetensors")
        try Artifacts.write(Summary(activation: metrics.activation, seed: metrics.seed, images: params.images, layers: names),
                            as: "activations.json", in: context)
    }
}
