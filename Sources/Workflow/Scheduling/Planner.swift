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
    /// The store's note says `lock` agrees with its records (`LockVerification`):
    /// an entry with a stage's key is then taken as its record, unread.
    public let lockVerified: Bool
    private let manifests = FileManifests()

    public init(pipeline: Pipeline, store: Store, lock: LockFile, statCache: StatCache? = nil, lockVerified: Bool = false) {
        self.pipeline = pipeline; self.store = store; self.lock = lock
        self.statCache = statCache ?? StatCache(store: store)
        self.lockVerified = lockVerified
    }

    /// `results` holds the records of deps already resolved (cached or just run).
    /// A stage whose deps lack results has no key; its reasons are then its own
    /// changes (params, files...) and the upstream stages it waits for.
    public func evaluate(_ stage: StageInstance, results: [String: RunRecord]) -> StageEvaluation {
        let files: [String: String]
        // Most stages list no files: no manifest, and no lock shared by the evaluating threads.
        do { files = stage.files.isEmpty ? [:] : try manifests.get(stage.name) { try FileInputs.manifest(stage.files, root: pipeline.root, statCache: statCache) } }
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
        if let r = validRecord(key, stage: stage.name) {
            return StageEvaluation(name: stage.name, key: key, inputs: inputs, files: files, record: r, reasons: [])
        }
        let reasons = Staleness.reasons(stage: stage, key: key, inputs: inputs, files: files, lockEntry: lock.entries[stage.name], store: store)
        return StageEvaluation(name: stage.name, key: key, inputs: inputs, files: files, record: nil, reasons: reasons)
    }

    /// The record for `key` if every object it names exists with the recorded size.
    ///
    /// With `stage`, whose lock-file entry has this key (the usual case of a
    /// no-op run or `status`): when the record's text holds the entry's results
    /// (`RecordText`), the record is the entry plus the record's times and
    /// host, read without parsing, and it shares the entry's strings, tables
    /// and params, so a 100,000-stage pipeline holds one copy of each instead
    /// of two. With `lockVerified`, that entry is the record, without its
    /// times and host, and the record file is only stat'ed, not read (unless
    /// the stage's kind has volatile outputs, which only the record holds).
    /// Otherwise, and without `stage`, the record is parsed.
    public func validRecord(_ key: String, stage: String? = nil) -> RunRecord? {
        guard let r = cachedRecord(key, stage: stage) else { return nil }
        for f in r.outputs.values where store.objectProblem(f) != nil { return nil }
        return r
    }

    private func cachedRecord(_ key: String, stage: String?) -> RunRecord? {
        // Not for a kind with volatile outputs: the lock file leaves those out, its record has them.
        // The record must still be there (a stat): one deleted makes its stage run, as without a note.
        if lockVerified, let stage, let entry = lock.entries[stage], entry.key == key,
           pipeline[stage]?.kind.volatileOutputs.isEmpty == true, store.hasRecord(key) { return entry }
        guard let bytes = store.recordText(key) else { return nil }
        if let stage, var entry = lock.entries[stage], entry.key == key, let digest = entry.entryTextDigest,
           let text = RecordText.results(record: bytes), text.digest == digest {
            entry.started = text.facts.started; entry.seconds = text.facts.seconds; entry.host = text.facts.host
            return entry
        }
        guard let r = RunRecord(text: bytes), r.key == key else { return nil }
        return r
    }

    /// `evaluate` of each stage, concurrently on the machine's cores: the same
    /// evaluations, in the same order, as one `evaluate` after another. No stage
    /// may depend on another of the same call (each sees only `results`).
    /// Most of a no-op run over a wide pipeline is this: a record read and
    /// objects stat'ed per stage.
    public func evaluate(stagesAt indices: [Int], results: [String: RunRecord]) -> [StageEvaluation] {
        indices.concurrentMap(minimumChunk: 64) { evaluate(pipeline.stages[$0], results: results) }
    }

    /// How many stages the planner's callers hand `evaluate(stagesAt:results:)`
    /// at once: the evaluations wait in memory until settled (100,000 would be ~80 MB).
    public static let maxBatch = 2048

    /// Evaluates every stage in order as if nothing ran: what `status` shows.
    /// Stages are taken in runs of consecutive stages none of which depends on
    /// another of the run (at most `maxBatch`), each run evaluated concurrently.
    public func evaluateAll() -> [StageEvaluation] {
        var results: [String: RunRecord] = [:]
        var all: [StageEvaluation] = []
        all.reserveCapacity(pipeline.stages.count)
        var batch: [Int] = []
        var names = Set<String>()
        func flush() {
            for e in evaluate(stagesAt: batch, results: results) {
                if let r = e.record { results[e.name] = r }
                all.append(e)
            }
            batch.removeAll(keepingCapacity: true)
            names.removeAll(keepingCapacity: true)
        }
        for (i, s) in pipeline.stages.enumerated() {
            if batch.count == Self.maxBatch || s.deps.contains(where: names.contains) { flush() }
            batch.append(i)
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
