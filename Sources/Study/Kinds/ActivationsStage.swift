import Foundation
import Nets
import Report
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

/// In the report: histograms of every layer's outputs, one row per trained network.
extension ActivationsStage: ReportContributor {
    /// One network's layer outputs, as `activations.json` names them.
    struct LayerOutputs {
        var activation: String
        var images: Int
        var layers: [String]
        var values: [[Float]]
    }

    static let reportCount = InputRole.Count.oneOrMore
    static let reportFiles = ["activations.json", "activations.safetensors"]

    static func loadReport(_ context: StageContext) throws -> [LayerOutputs] {
        try context.inputs(name).map { input in
            let summary = try Artifacts.read(Summary.self, from: input.url("activations.json"), what: input.stage)
            let (tensors, _) = try Safetensors.decode(Array(Data(contentsOf: input.url("activations.safetensors"))),
                                                      source: "\(input.stage)/activations.safetensors")
            let values = try summary.layers.indices.map { k in
                guard let t = tensors["layer.\(k)"] else { throw StageError("\(input.stage): no tensor layer.\(k)") }
                return t.values
            }
            return LayerOutputs(activation: summary.activation, images: summary.images, layers: summary.layers, values: values)
        }
    }

    static func reportBlocks(_ outputs: [LayerOutputs], _ report: ReportContext) -> [ReportBlock] {
        let networks = report.inActivationOrder(outputs, activation: \.activation)
        var blocks: [ReportBlock] = [.text("## Activation distributions of the trained networks\n")]
        if let first = networks.first {
            blocks.append(.figure(.init(
                name: "activation-distributions",
                caption: "Outputs of every layer but the last of each trained network (seed 42) on the first \(first.images) train-split images: density histograms of 50 bins with a kernel-density line. Even layers are linear outputs, odd layers the activations after them.",
                figure: HistogramGridFigure(
                    rows: networks.map { ReportContext.displayName($0.activation) },
                    columns: first.layers.indices.map { "Layer \($0)" },
                    samples: networks.map(\.values),
                    bins: 50, density: true, xLabel: "output"))))
        }
        return blocks
    }
}
