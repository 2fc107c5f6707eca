import Foundation
import Nets
import Report
import Workflow

/// Dead neurons of one network: per activation layer, how many units output
/// exactly 0 for every train-split image.
struct DeadNeuronCount: Codable, Sendable {
    var counts: [Int]
    var widths: [Int]
    var percent: [Double]
}

struct DeadNeurons: Codable, Sendable {
    var untrained: DeadNeuronCount
    var trained: DeadNeuronCount
    var deepUntrained: DeadNeuronCount
    var images: Int
}

/// `dead-neurons`: counts for the untrained ReLU network (`init`), the trained
/// ReLU network (`train`) and the untrained deep ReLU network (`init-deep`),
/// over all train-split images. Output: `dead-neurons.json`.
struct DeadNeuronsStage: StageKind {
    struct Params: Codable, Sendable {
        var batchSize: Int
    }

    static let name = "dead-neurons"
    static let version = 1  // numerics changes: Numerics.version
    static let numeric = true
    static let summary = "units of ReLU networks that output 0 for every training image"
    static let inputs = [StudyData.decompressed, StudyData.splitIndices, InitCheckpoint.role, InitCheckpoint.deepRole, StudyData.trainedNetwork]

    func run(_ params: Params, in context: StageContext) throws {
        let data = try StudyData.trainImages(context)
        let split = try StudyData.split(context)
        let untrained = try InitCheckpoint.model(InitCheckpoint.read(role: "init", in: context), activation: .relu)
        let deep = try InitCheckpoint.model(InitCheckpoint.read(role: InitCheckpoint.deepRole.role, in: context), activation: .relu)
        let (trained, _) = try StudyData.trained(context)
        guard trained.config.activation == .relu else {
            throw StageError("the 'train' dependency is a \(trained.config.activation.rawValue) network; dead neurons are counted for relu")
        }
        let result = DeadNeurons(
            untrained: try count(untrained, data: data, indices: split.train, batch: params.batchSize, context: context),
            trained: try count(trained, data: data, indices: split.train, batch: params.batchSize, context: context),
            deepUntrained: try count(deep, data: data, indices: split.train, batch: params.batchSize, context: context),
            images: split.train.count)
        try Artifacts.write(result, as: "dead-neurons.json", in: context)
        context.log("untrained \(result.untrained.counts), trained \(result.trained.counts), deep untrained \(result.deepUntrained.counts)")
    }

    /// A unit is alive once any image gives it a non-zero activation output.
    func count(_ model: MLP, data: ByteImages, indices: [Int], batch: Int, context: StageContext) throws -> DeadNeuronCount {
        let widths = model.config.hiddenSizes
        var alive = widths.map { [Bool](repeating: false, count: $0) }
        var start = 0
        while start < indices.count {
            let end = min(start + batch, indices.count)
            let outputs = try model.forwardCapturing(PixelNormalization.batch(data, indices: Array(indices[start..<end])),
                                                     threads: context.threads)
            for layer in 0..<widths.count {
                let a = outputs[2 * layer + 1]
                a.values.withUnsafeBufferPointer { v in
                    for r in 0..<a.rows {
                        for c in 0..<a.cols where v[r * a.cols + c] != 0 { alive[layer][c] = true }
                    }
                }
            }
            start = end
        }
        let counts = alive.map { $0.filter { !$0 }.count }
        return DeadNeuronCount(counts: counts, widths: widths,
                               percent: zip(counts, widths).map { 100 * Double($0) / Double($1) })
    }
}

/// In the report: the three networks' counts beside the notebook's, and a bar chart.
extension DeadNeuronsStage: ReportContributor {
    static let reportFiles = ["dead-neurons.json"]

    static func loadReport(_ context: StageContext) throws -> DeadNeurons {
        try Artifacts.read(DeadNeurons.self, role: name, file: "dead-neurons.json", in: context)
    }

    static func reportBlocks(_ d: DeadNeurons, _ report: ReportContext) -> [ReportBlock] {
        func group(_ title: String, _ c: DeadNeuronCount) -> BarGroup {
            BarGroup(title: title, labels: c.counts.indices.map { "\($0 + 1)" }, values: c.counts.map(Double.init),
                     annotations: c.percent.map { NumberFormat.fixed($0, 1) + "%" })
        }
        return [.text(section(d)), .figure(.init(
            name: "dead-neurons",
            caption: "Dead units per hidden layer (output exactly 0 for all \(d.images) train-split images), with the share of the layer's width.",
            figure: BarGroupsFigure(groups: [group("untrained ReLU", d.untrained), group("trained ReLU", d.trained),
                                             group("untrained deep ReLU", d.deepUntrained)],
                                    yLabel: "dead units", xLabel: "hidden layer")))]
    }

    static func reportMetrics(_ d: DeadNeurons) -> [String: any Encodable & Sendable] {
        ["dead_neurons": ["untrained": d.untrained.counts, "trained": d.trained.counts, "deep_untrained": d.deepUntrained.counts]]
    }

    private static func section(_ d: DeadNeurons) -> String {
        func table(_ c: DeadNeuronCount, _ ref: [Int]) -> String {
            var t = MarkdownTable(headers: ["layer", "width", "dead", "dead %", "notebook", "notebook %"],
                                  alignments: [.right, .right, .right, .right, .right, .right])
            for i in c.counts.indices {
                let r = i < ref.count ? ref[i] : nil
                try? t.addRow(["\(i + 1)", "\(c.widths[i])", "\(c.counts[i])", NumberFormat.fixed(c.percent[i]) + "%",
                               r.map(String.init) ?? "–",
                               r.map { NumberFormat.fixed(100 * Double($0) / Double(c.widths[i])) + "%" } ?? "–"])
            }
            let verdict = c.counts == ref ? "The counts equal the notebook's." : "The counts differ from the notebook's."
            return t.render() + "\n\(verdict)\n"
        }
        return """
        ## Dead neurons

        A unit of a ReLU layer is dead when it outputs exactly 0 for every one of the \(d.images) train-split images.

        ### Untrained ReLU network (seed 42)

        \(table(d.untrained, NotebookReference.deadUntrained))
        ### Trained ReLU network (seed 42)

        \(table(d.trained, NotebookReference.deadTrained))
        ### Untrained deep ReLU network (seed 42, hidden 5x256 then 5x128)

        \(table(d.deepUntrained, NotebookReference.deadDeepUntrained))
        """
    }
}
