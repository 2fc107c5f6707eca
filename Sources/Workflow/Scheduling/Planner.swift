import Foundation

/// Where one stage stands: its key (once its deps' outputs are known), a valid
/// cached result for that key, or the reasons it must run.
public struct StageEvaluation: Sendable {
    public let name: String
    /// nil when some dependency has no result yet.
    public let key: String?
    public let inputs: [String: [String: String]]?
    /// The stage's workspace files (relative path -> hash) as hashed now; nil when they could not be read.
    public let files: [String: String]?
    /// A run record for `key` whose objects are all present with the right size.
    public let record: RunRecord?
    /// Empty exactly when `record` is set.
    public let reasons: [String]
}

/// Computes keys and checks the run cache; reads run records and stats objects,
/// never object contents. Workspace files a stage lists are hashed through the
/// stat cache once per planner (the first evaluation of the stage fixes them).
public struct Planner: Sendable {
    public let pipeline: Pipeline
    public let store: Store
    public let lock: LockFile
    public let statCache: StatCache
    private let manifests = FileManifests()

    public init(pipeline: Pipeline, store: Store, lock: LockFile, statCache: StatCache? = nil) {
        self.pipeline = pipeline; self.store = store; self.lock = lock
        self.statCache = statCache ?? StatCache(store: store)
    }

    /// `results` holds the records of deps already resolved (cached or just run).
    /// A stage whose deps lack results has no key; its reasons are then its own
    /// changes (params, files...) and the upstream stages it waits for.
    public func evaluate(_ stage: StageInstance, results: [String: RunRecord]) -> StageEvaluation {
        let files: [String: String]
        do { files = try manifests.get(stage.name) { try FileInputs.manifest(stage.files, root: pipeline.root, statCache: statCache) } }
        catch { return StageEvaluation(name: stage.name, key: nil, inputs: nil, files: nil, record: nil, reasons: ["\(error)"]) }
        var inputs: [String: [String: String]] = [:]
        var waiting: [String] = []
        for d in stage.deps {
            guard let r = results[d] else { waiting.append(d); continue }
            let volatile = pipeline[d]?.kind.volatileOutputs ?? []
            inputs[d] = r.outputs.filter { !volatile.contains($0.key) }.mapValues(\.hash)
        }
        if !waiting.isEmpty {
            let own = lock.entries[stage.name].map { Staleness.ownReasons(stage: stage, files: files, old: $0) } ?? ["never run"]
            let upstream = own == ["never run"] ? [] : [StaleReasons.upstream(waiting)]
            return StageEvaluation(name: stage.name, key: nil, inputs: nil, files: files, record: nil, reasons: own + upstream)
        }
        let key = CacheKey.compute(kind: stage.kind.name, version: stage.kind.version, params: stage.params, inputs: inputs,
                                   numerics: stage.kind.numericsIdentity, files: files, paramsFiles: stage.paramValues, outs: stage.outs)
        if let r = validRecord(key) {
            return StageEvaluation(name: stage.name, key: key, inputs: inputs, files: files, record: sharingLockEntry(r, stage: stage.name), reasons: [])
        }
        let reasons = Staleness.reasons(stage: stage, key: key, inputs: inputs, files: files, lockEntry: lock.entries[stage.name], store: store)
        return StageEvaluation(name: stage.name, key: key, inputs: inputs, files: files, record: nil, reasons: reasons)
    }

    /// The record for `key` if every object it names exists with the recorded size.
    public func validRecord(_ key: String) -> RunRecord? {
        guard let r = store.record(key), r.key == key else { return nil }
        for f in r.outputs.values where store.objectProblem(f) != nil { return nil }
        return r
    }

    /// `r` built on the lock file's entry for `stage` when that entry is `r`
    /// without its times and host (the usual case of a no-op run or `status`):
    /// records copy their strings, tables and params by reference, so a
    /// 100,000-stage pipeline then holds one copy of each record instead of two.
    /// Equal to `r` in every field.
    func sharingLockEntry(_ r: RunRecord, stage: String) -> RunRecord {
        guard var shared = lock.entries[stage], shared.key == r.key, shared == r.results else { return r }
        shared.started = r.started; shared.seconds = r.seconds; shared.host = r.host
        return shared
    }

    /// `evaluate` of each stage, concurrently on the machine's cores: the same
    /// evaluations, in the same order, as one `evaluate` after another. No stage
    /// may depend on another of the same call (each sees only `results`).
    /// Most of a no-op run over a wide pipeline is this: a record read and
    /// objects stat'ed per stage.
    public func evaluate(_ stages: [StageInstance], results: [String: RunRecord]) -> [StageEvaluation] {
        stages.concurrentMap(minimumChunk: 64) { evaluate($0, results: results) }
    }

    /// Evaluates every stage in order as if nothing ran: what `status` shows.
    /// Stages are taken in runs of consecutive stages none of which depends on
    /// another of the run, each run evaluated concurrently.
    public func evaluateAll() -> [StageEvaluation] {
        var results: [String: RunRecord] = [:]
        var all: [StageEvaluation] = []
        all.reserveCapacity(pipeline.stages.count)
        var batch: [StageInstance] = []
        var names = Set<String>()
        func flush() {
            for e in evaluate(batch, results: results) {
                if let r = e.record { results[e.name] = r }
                all.append(e)
            }
            batch.removeAll(keepingCapacity: true)
            names.removeAll(keepingCapacity: true)
        }
        for s in pipeline.stages {
            if s.deps.contains(where: names.contains) { flush() }
            batch.append(s)
            names.insert(s.name)
        }
        flush()
        return all
    }
}

/// Per-stage file manifests memoised for one planner. Thread-safe.
final class FileManifests: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: [String: String]] = [:]

    func get(_ stage: String, compute: () throws -> [String: String]) throws -> [String: String] {
        lock.lock()
        if let v = values[stage] { lock.unlock(); return v }
        lock.unlock()
        let v = try compute()
        lock.lock(); values[stage] = v; lock.unlock()
        return v
    }
}
