import Foundation

/// Resources a stage asks of a batch scheduler (kept for a future Slurm executor).
public struct Resources: Sendable, Equatable {
    public var cpus: Int?
    public var mem: String?
    public var time: String?
}

/// A file or folder the engine copies from the store into the workspace.
public struct WorkspaceOutput: Sendable, Equatable {
    /// The producing stage instance.
    public let stage: String
    /// One output file of the stage, or nil for all of them.
    public let file: String?
    /// For an in-place folder output (`outs`): only the stage's outputs below
    /// this folder, each at its own name (then `path` is unused).
    public var under: String? = nil
    /// Workspace path relative to the project root: the file itself when `file`
    /// is set, otherwise the folder that receives every output of the stage.
    public let path: String
}

/// One expanded stage: a template instance with its params decoded and its deps resolved.
///
/// Immutable; its fields live in one shared box, so a copy (the executor and
/// the planner pass stages around per evaluation) is one reference count, not
/// one per field.
public struct StageInstance: Sendable {
    /// Full name, e.g. `train@relu-s42` (equal to `base` outside a matrix).
    public var name: String { s.name }
    /// Template name, the part before `@`; also the role its dependents see.
    public var base: String { s.base }
    public var kind: RegisteredKind { s.kind }
    /// Canonical params: the kind's Params re-encoded, defaults filled in.
    public var params: JSONValue { s.params }
    /// Instance names this stage reads, in the order written (duplicates removed).
    public var deps: [String] { s.deps }
    /// Workspace files and folders it reads (patterns relative to the project; see `FileInputs`).
    public var files: [String] { s.files }
    /// Workspace paths its command writes in place (a trailing `/` marks a folder; see `InPlaceOutputs`).
    public var outs: [String] { s.outs }
    /// Values of the chosen params-file keys, read at load: file -> dotted key -> value (see `ParamsFile`).
    public var paramValues: [String: [String: JSONValue]] { s.paramValues }
    public var resources: Resources? { s.resources }

    private final class Storage: Sendable {
        let name: String, base: String, kind: RegisteredKind, params: JSONValue, deps: [String], files: [String]
        let outs: [String], paramValues: [String: [String: JSONValue]], resources: Resources?
        init(name: String, base: String, kind: RegisteredKind, params: JSONValue, deps: [String], files: [String],
             outs: [String], paramValues: [String: [String: JSONValue]], resources: Resources?) {
            self.name = name; self.base = base; self.kind = kind; self.params = params; self.deps = deps
            self.files = files; self.outs = outs; self.paramValues = paramValues; self.resources = resources
        }
    }
    private let s: Storage

    /// The most cores the scheduler gives this stage: the kind's `maxThreads`,
    /// capped by `resources.cpus`; for a kind with `threadsFromResources`,
    /// `resources.cpus` itself (1 without it).
    public var maxThreads: Int {
        guard let cpus = resources?.cpus else { return kind.threadsFromResources ? 1 : kind.maxThreads }
        return kind.threadsFromResources ? cpus : min(cpus, kind.maxThreads)
    }

    public init(name: String, base: String, kind: RegisteredKind, params: JSONValue, deps: [String], files: [String] = [],
                outs: [String] = [], paramValues: [String: [String: JSONValue]] = [:], resources: Resources?) {
        s = Storage(name: name, base: base, kind: kind, params: params, deps: deps, files: files, outs: outs,
                    paramValues: paramValues, resources: resources)
    }
}

/// A validated, expanded pipeline: an acyclic dependency graph and workspace outputs.
///
/// `stages` is in topological order; among stages free to go, the one written
/// first in the file comes first (matrix instances in cartesian order).
public struct Pipeline: Sendable {
    public let stages: [StageInstance]
    public let outputs: [WorkspaceOutput]
    /// SHA-256 of the pipeline file's bytes ("" when built from a JSON value).
    public internal(set) var sourceHash: String = ""
    /// Result files `pipeline check` compares with a reference copy.
    public let checks: [MetricsCheckSpec]
    /// JSON result files whose numbers experiments compare (`metrics`, else the `checks` files).
    public let metrics: [String]
    /// The folder holding pipeline.json: workspace outputs and the lock file live here.
    public let root: URL
    private let index: [String: Int]

    init(stages: [StageInstance], outputs: [WorkspaceOutput], root: URL, checks: [MetricsCheckSpec] = [], metrics: [String] = []) {
        self.stages = stages
        self.metrics = metrics
        self.outputs = outputs
        self.checks = checks
        self.root = root
        var index: [String: Int] = [:]
        for (i, s) in stages.enumerated() { index[s.name] = i }
        self.index = index
    }

    public subscript(name: String) -> StageInstance? { index[name].map { stages[$0] } }

    /// Stage -> the volatile outputs of its kind, for stages whose kind has any.
    public var volatileOutputs: [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for s in stages where !s.kind.volatileOutputs.isEmpty { out[s.name] = s.kind.volatileOutputs }
        return out
    }

    public func position(of name: String) -> Int? { index[name] }

    /// Stages a target names: an instance, a template (all its instances), or a glob.
    public func resolve(target: String) throws -> [String] {
        if target == "all" { return stages.map(\.name) }
        if index[target] != nil { return [target] }
        let byBase = stages.filter { $0.base == target }.map(\.name)
        if !byBase.isEmpty { return byBase }
        if Glob.isPattern(target) {
            let matched = stages.map(\.name).filter { Glob.matches(target, $0) }
            if !matched.isEmpty { return matched }
            throw PipelineError("target '\(target)' matches no stage")
        }
        throw PipelineError("unknown target '\(target)' (stages: \(stages.map(\.name).joined(separator: ", ")))")
    }

    /// `names` and everything they depend on, in `stages` order.
    public func upstreamClosure(of names: [String]) -> [String] {
        var seen = Set<String>()
        var stack = names
        while let n = stack.popLast() {
            guard seen.insert(n).inserted, let s = self[n] else { continue }
            stack.append(contentsOf: s.deps)
        }
        return stages.map(\.name).filter { seen.contains($0) }
    }

    /// `names` and everything that depends on them, in `stages` order.
    public func downstreamClosure(of names: [String]) -> [String] {
        var seen = Set(names)
        for s in stages where !seen.contains(s.name) && s.deps.contains(where: seen.contains) {
            seen.insert(s.name)  // `stages` is topologically sorted, so one pass suffices
        }
        return stages.map(\.name).filter { seen.contains($0) }
    }
}
