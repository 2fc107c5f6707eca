import Foundation
import Hashing

/// The record of one experiment (a run with `-S` overrides), kept in the
/// store as `experiments/<name>.json`.
///
/// It holds what made the results (the overrides, the targets, the sha256 of
/// pipeline.json, the git commit if any) and what came out (each selected
/// stage's cache key, and the metrics files this run produced, as JSON).
/// Stage keys are enough to find every output again in the store.
public struct Experiment: Sendable, Equatable {
    public var name: String
    /// The `-S` arguments, normalized (`train.learningRate=0.05`), in the order given.
    public var overrides: [String]
    public var targets: [String]
    public var pipelineSha256: String
    public var gitCommit: String?
    /// Stage instance -> cache key, in pipeline order.
    public var stages: [(name: String, key: String)]
    /// Metrics file -> its JSON, for the declared metrics files this run produced.
    public var metrics: [(file: String, value: JSONValue)]
    /// Stages that failed (their dependents have no key).
    public var failed: Int

    public init(name: String, overrides: [String], targets: [String], pipelineSha256: String, gitCommit: String?,
                stages: [(name: String, key: String)], metrics: [(file: String, value: JSONValue)], failed: Int) {
        self.name = name; self.overrides = overrides; self.targets = targets; self.pipelineSha256 = pipelineSha256
        self.gitCommit = gitCommit; self.stages = stages; self.metrics = metrics; self.failed = failed
    }

    public static func == (a: Experiment, b: Experiment) -> Bool { a.json == b.json }

    /// Letters, digits, `-`, `_` and `.`, not starting with `.`; `baseline` and `workspace` name the workspace.
    public static func isValidName(_ s: String) -> Bool {
        !s.isEmpty && !s.hasPrefix(".") && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
            && !["baseline", "workspace"].contains(s)
    }

    /// The automatic name: `exp-` and 8 hex digits of the overrides' hash, so
    /// the same settings always get the same name (and replace their record).
    public static func automaticName(overrides: [String], targets: [String]) -> String {
        let text = CanonicalJSON.string(.array([.array(overrides.map(JSONValue.string)), .array(targets.map(JSONValue.string))]))
        return "exp-" + String(SHA256.hash(Data(text.utf8)).hex.prefix(8))
    }

    /// Metric path (`file:dotted.path`) -> value, for every number, string and boolean of the metrics files.
    public var flatMetrics: [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        for m in metrics { MetricValues.flatten(m.value, prefix: m.file + ":", into: &out) }
        return out
    }

    public var json: JSONValue {
        .object([
            ("name", .string(name)),
            ("overrides", .array(overrides.map(JSONValue.string))),
            ("targets", .array(targets.map(JSONValue.string))),
            ("pipelineSha256", .string(pipelineSha256)),
            ("gitCommit", gitCommit.map(JSONValue.string) ?? .null),
            ("stages", .object(stages.map { ($0.name, .string($0.key)) })),
            ("metrics", .object(metrics.map { ($0.file, $0.value) })),
            ("failed", .int(failed)),
        ])
    }

    public init(json v: JSONValue) throws {
        func bad(_ field: String) -> PipelineError { PipelineError("experiment record: field '\(field)' missing or malformed") }
        guard let name = v["name"]?.stringValue else { throw bad("name") }
        guard let o = v["overrides"]?.arrayValue else { throw bad("overrides") }
        guard let sha = v["pipelineSha256"]?.stringValue else { throw bad("pipelineSha256") }
        guard let st = v["stages"]?.objectValue else { throw bad("stages") }
        guard let m = v["metrics"]?.objectValue else { throw bad("metrics") }
        self.init(name: name, overrides: o.compactMap(\.stringValue), targets: v["targets"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                  pipelineSha256: sha, gitCommit: v["gitCommit"]?.stringValue,
                  stages: st.compactMap { m in m.value.stringValue.map { (m.key, $0) } },
                  metrics: m.map { ($0.key, $0.value) }, failed: v["failed"]?.intValue ?? 0)
    }
}
