import Foundation
import Nets
import Report
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

/// In the report: each activation's loss and gradient spread per layer, and
/// the gradients' histograms.
extension InitGradientsStage: ReportContributor {
    struct ReportPart {
        var summary: InitGradients
        /// activation -> layer -> the raw weight gradients.
        var values: [String: [[Float]]]
    }

    /// One activation's entry under `init_gradients` in metrics.json.
    struct GradientSpread: Codable, Sendable { var loss: Double; var mean_abs: [Double]; var std: [Double] }

    static let reportFiles = ["init-gradients.json", "gradients.safetensors"]

    static func loadReport(_ context: StageContext) throws -> ReportPart {
        let input = try context.input(name)
        let summary = try Artifacts.read(InitGradients.self, from: input.url("init-gradients.json"), what: input.stage)
        let (tensors, _) = try Safetensors.decode(Array(Data(contentsOf: input.url("gradients.safetensors"))),
                                                  source: "\(input.stage)/gradients.safetensors")
        var values: [String: [[Float]]] = [:]
        for a in summary.activations {
            values[a.activation] = try a.layers.map { layer in
                guard let t = tensors["\(a.activation).\(layer.name)"] else {
                    throw StageError("\(input.stage)/gradients.safetensors: no tensor \(a.activation).\(layer.name)")
                }
                return t.values
            }
        }
        return ReportPart(summary: summary, values: values)
    }

    static func reportBlocks(_ part: ReportPart, _ report: ReportContext) -> [ReportBlock] {
        let g = part.summary
        guard let first = g.activations.first else { return [] }
        var t = MarkdownTable(headers: ["activation", "loss"] + first.layers.indices.map { "layer \($0 + 1): mean abs / std" },
                              alignments: [.left, .right] + first.layers.map { _ in .right })
        for a in g.activations {
            try? t.addRow([ReportContext.displayName(a.activation), NumberFormat.fixed(a.loss, 4)]
                          + a.layers.map { NumberFormat.scientific($0.meanAbs) + " / " + NumberFormat.scientific($0.std) })
        }
        let section = """
            ## Gradients at initialisation

            One forward and backward pass of the freshly initialised network (seed \(g.seed)) on the first \(g.images) \
            train-split images; the spread of each linear layer's weight gradient (layer 1 is next to the input).

            \(t.render())

            """
        let histograms = HistogramGridFigure(
            rows: g.activations.map { ReportContext.displayName($0.activation) },
            columns: first.layers.map { "\($0.name) (\($0.shape[0])x\($0.shape[1]))" },
            samples: g.activations.map { part.values[$0.activation] ?? [] },
            bins: 30, density: false, xLabel: "gradient")
        return [.text(section), .figure(.init(
            name: "init-gradients",
            caption: "Weight gradients of every linear layer at initialisation (seed \(g.seed), first \(g.images) train-split images): histograms of 30 bins with a kernel-density line.",
            figure: histograms))]
    }

    static func reportMetrics(_ part: ReportPart) -> [String: any Encodable & Sendable] {
        var spreads: [String: GradientSpread] = [:]
        for a in part.summary.activations {
            spreads[a.activation] = .init(loss: a.loss, mean_abs: a.layers.map(\.meanAbs), std: a.layers.map(\.std))
        }
        return ["init_gradients": spreads]
    }
}
