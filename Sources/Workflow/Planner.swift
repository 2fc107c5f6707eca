import Foundation

/// Where one stage stands: its key (once its deps' outputs are known), a valid
/// cached result for that key, or the reasons it must run.
public struct StageEvaluation: Sendable {
    public let name: String
    /// nil when some dependency has no result yet.
    public let key: String?
    public let inputs: [String: [String: String]]?
    /// A run record for `key` whose objects are all present with the right size.
    public let record: RunRecord?
    /// Empty exactly when `record` is set.
    public let reasons: [String]
}

/// Computes keys and checks the run cache; reads run records and stats objects,
/// never object contents.
public struct Planner: Sendable {
    public let pipeline: Pipeline
    public let store: Store
    public let lock: LockFile

    public init(pipeline: Pipeline, store: Store, lock: LockFile) {
        self.pipeline = pipeline; self.store = store; self.lock = lock
    }

    /// `results` holds the records of deps already resolved (cached or just run).
    public func evaluate(_ stage: StageInstance, results: [String: RunRecord]) -> StageEvaluation {
        var inputs: [String: [String: String]] = [:]
        for d in stage.deps {
            guard let r = results[d] else {
                return StageEvaluation(name: stage.name, key: nil, inputs: nil, record: nil, reasons: ["upstream '\(d)' must run first"])
            }
            let volatile = pipeline[d]?.kind.volatileOutputs ?? []
            inputs[d] = r.outputs.filter { !volatile.contains($0.key) }.mapValues(\.hash)
        }
        let key = CacheKey.compute(kind: stage.kind.name, version: stage.kind.version, params: stage.params, inputs: inputs,
                                   numerics: stage.kind.numericsIdentity)
        if let r = validRecord(key) {
            return StageEvaluation(name: stage.name, key: key, inputs: inputs, record: r, reasons: [])
        }
        let reasons = Staleness.reasons(stage: stage, key: key, inputs: inputs, lockEntry: lock.entries[stage.name], store: store)
        return StageEvaluation(name: stage.name, key: key, inputs: inputs, record: nil, reasons: reasons)
    }

    /// The record for `key` if every object it names exists with the recorded size.
    public func validRecord(_ key: String) -> RunRecord? {
        guard let r = store.record(key), r.key == key else { return nil }
        for f in r.outputs.values where store.objectProblem(f) != nil { return nil }
        return r
    }

    /// Evaluates every stage in order as if nothing ran: what `status` shows.
    public func evaluateAll() -> [StageEvaluation] {
        var results: [String: RunRecord] = [:]
        return pipeline.stages.map { s in
            let e = evaluate(s, results: results)
            if let r = e.record { results[s.name] = r }
            return e
        }
    }
}
