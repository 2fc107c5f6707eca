import Foundation
import Nets
import Workflow

/// Everything the report is drawn from, loaded from the `report` stage's dependencies.
struct ReportInputs {
    var evaluations: [Evaluation]
    var curves: TrainingCurves
    var actCurves: ActivationCurves
    var initGradients: InitGradients
    /// activation -> layer -> raw weight gradients at init.
    var gradientValues: [String: [[Float]]]
    /// (activation, layer names, per-layer outputs) of each trained network, in study order.
    var activationOutputs: [(activation: String, images: Int, layers: [String], values: [[Float]])]
    var deadNeurons: DeadNeurons
    var examples: Examples
    /// Every input artifact: stage -> file -> sha256.
    var artifactHashes: [(stage: String, files: [(name: String, sha256: String)])]
    /// Every dependency's run time (seconds, from its run record) and, for
    /// training stages, the per-epoch times and threads of `timing.json`.
    var stageSeconds: [(stage: String, seconds: Double?)]
    var trainTimings: [(stage: String, timing: TrainTiming)]

    /// The report's input roles (`ReportStage.inputs`).
    static let roles: [InputRole] = [
        InputRole("evaluate", .oneOrMore, files: ["evaluation.json"]),
        InputRole("train", .oneOrMore, files: ["timing.json"]),
        InputRole("curves", files: ["curves.json"]),
        InputRole("act-curves", files: ["act-curves.json"]),
        InputRole("init-gradients", files: ["init-gradients.json", "gradients.safetensors"]),
        InputRole("activations", .oneOrMore, files: ["activations.json", "activations.safetensors"]),
        InputRole("dead-neurons", files: ["dead-neurons.json"]),
        InputRole("examples", files: ["examples.json"]),
    ]

    static func load(_ context: StageContext) throws -> ReportInputs {
        let evaluations = try context.inputs("evaluate").map {
            try Artifacts.read(Evaluation.self, from: $0.url("evaluation.json"), what: $0.stage)
        }
        guard !evaluations.isEmpty else { throw StageError("expected 'evaluate' dependencies, found none") }
        let gradInput = try context.input("init-gradients")
        let grads = try Artifacts.read(InitGradients.self, from: gradInput.url("init-gradients.json"), what: gradInput.stage)
        let (gradTensors, _) = try Safetensors.decode(Array(Data(contentsOf: gradInput.url("gradients.safetensors"))),
                                                      source: "\(gradInput.stage)/gradients.safetensors")
        var gradientValues: [String: [[Float]]] = [:]
        for a in grads.activations {
            gradientValues[a.activation] = try a.layers.map { layer in
                guard let t = gradTensors["\(a.activation).\(layer.name)"] else {
                    throw StageError("\(gradInput.stage)/gradients.safetensors: no tensor \(a.activation).\(layer.name)")
                }
                return t.values
            }
        }
        var activationOutputs: [(String, Int, [String], [[Float]])] = []
        for input in context.inputs("activations") {
            let summary = try Artifacts.read(ActivationsStage.Summary.self, from: input.url("activations.json"), what: input.stage)
            let (tensors, _) = try Safetensors.decode(Array(Data(contentsOf: input.url("activations.safetensors"))),
                                                      source: "\(input.stage)/activations.safetensors")
            let values = try summary.layers.indices.map { k in
                guard let t = tensors["layer.\(k)"] else { throw StageError("\(input.stage): no tensor layer.\(k)") }
                return t.values
            }
            activationOutputs.append((summary.activation, summary.images, summary.layers, values))
        }
        let actCurves = try Artifacts.read(ActivationCurves.self, role: "act-curves", file: "act-curves.json", in: context)
        let order = actCurves.curves.map(\.activation)
        activationOutputs.sort { (order.firstIndex(of: $0.0) ?? order.count, $0.0) < (order.firstIndex(of: $1.0) ?? order.count, $1.0) }

        var hashes: [(String, [(String, String)])] = []
        for role in ["act-curves", "curves", "dead-neurons", "evaluate", "examples", "init-gradients", "activations"] {
            for input in context.inputs(role) {
                hashes.append((input.stage, input.hashes.keys.sorted().map { ($0, input.hashes[$0] ?? "") }))
            }
        }
        let allInputs = context.roles.flatMap { context.inputs($0) }.sorted { $0.stage < $1.stage }
        let trainTimings = try context.inputs("train").map { input in
            (stage: input.stage, timing: try Artifacts.read(TrainTiming.self, from: input.url("timing.json"), what: input.stage))
        }
        return ReportInputs(
            evaluations: evaluations,
            curves: try Artifacts.read(TrainingCurves.self, role: "curves", file: "curves.json", in: context),
            actCurves: actCurves,
            initGradients: grads, gradientValues: gradientValues,
            activationOutputs: activationOutputs,
            deadNeurons: try Artifacts.read(DeadNeurons.self, role: "dead-neurons", file: "dead-neurons.json", in: context),
            examples: try Artifacts.read(Examples.self, role: "examples", file: "examples.json", in: context),
            artifactHashes: hashes.map { (stage: $0.0, files: $0.1.map { (name: $0.0, sha256: $0.1) }) },
            stageSeconds: allInputs.map { (stage: $0.stage, seconds: $0.seconds) },
            trainTimings: trainTimings)
    }

    /// Activation identifiers present, in the order act-curves lists them
    /// (its `activations` param), so the order is an input, not a constant of the code.
    var activations: [String] {
        let present = Set(evaluations.map(\.activation))
        let listed = actCurves.curves.map(\.activation)
        return listed.filter(present.contains) + present.subtracting(listed).sorted()
    }

    /// The display name of an activation identifier ("leakyrelu" -> "LeakyReLU").
    static func displayName(_ id: String) -> String {
        ActivationKind(rawValue: id).map { type(of: $0.function).displayName } ?? id
    }
}
