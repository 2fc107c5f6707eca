import Foundation
import Workflow

/// The report's own inputs, which its fixed parts are drawn from: the test
/// accuracies (`evaluate`), the training times (`train`), and the hashes and
/// run times of every dependency. The analyses it shows load their own
/// (`ReportContributor`).
struct ReportInputs {
    var evaluations: [Evaluation]
    /// Every listed input artifact, in the provenance table's order: stage -> file -> sha256.
    var artifactHashes: [(stage: String, files: [(name: String, sha256: String)])]
    /// Every dependency's run time (seconds, from its run record) and, for
    /// training stages, the per-epoch times and threads of `timing.json`.
    var stageSeconds: [(stage: String, seconds: Double?)]
    var trainTimings: [(stage: String, timing: TrainTiming)]

    /// The report's own input roles; `ReportBuilder.inputs` adds the contributors'.
    static let roles: [InputRole] = [
        InputRole("evaluate", .oneOrMore, files: ["evaluation.json"]),
        InputRole("train", .oneOrMore, files: ["timing.json"]),
    ]

    /// Loads the report's own inputs; `contributors` are the contributing
    /// roles, in report order (their artifacts are listed in the provenance table).
    static func load(_ context: StageContext, contributors: [String]) throws -> ReportInputs {
        let evaluations = try context.inputs("evaluate").map {
            try Artifacts.read(Evaluation.self, from: $0.url("evaluation.json"), what: $0.stage)
        }
        guard !evaluations.isEmpty else { throw StageError("expected 'evaluate' dependencies, found none") }
        var hashes: [(String, [(String, String)])] = []
        for role in provenanceRoles(contributors: contributors) {
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
            artifactHashes: hashes.map { (stage: $0.0, files: $0.1.map { (name: $0.0, sha256: $0.1) }) },
            stageSeconds: allInputs.map { (stage: $0.stage, seconds: $0.seconds) },
            trainTimings: trainTimings)
    }

    /// The roles the provenance table lists, in its order: `evaluate` and the
    /// contributors (not `train`, whose `timing.json` is wall-clock, not a
    /// result). The roles the report had before contributors existed keep
    /// their order of then, so the committed report's bytes stay the same;
    /// any other contributor follows, in report order. (When the report's
    /// version is bumped for another reason, this can become plain report order.)
    static func provenanceRoles(contributors: [String]) -> [String] {
        let earlier = ["act-curves", "curves", "dead-neurons", "evaluate", "examples", "init-gradients", "activations"]
        let listed = Set(contributors + ["evaluate"])
        return earlier.filter(listed.contains) + contributors.filter { !earlier.contains($0) }
    }
}
