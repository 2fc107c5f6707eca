import Foundation

/// Runs a pipeline against a store.
///
/// Scheduling: stages are considered in `pipeline.stages` order (topological,
/// file order among equals). A stage whose deps all have results gets its key;
/// a valid run record for that key is reused, otherwise the stage starts as
/// soon as a thread is free, with min(kind.maxThreads, free threads) threads
/// shared among the stages ready at that moment. Cores that free up while no
/// waiting stage is ready are lent to running stages whose kind `growsThreads`
/// (up to their `maxThreads`), so the last training of a study does not run
/// on one core while the other idles.
/// Results never depend on start order or thread count: keys hash input
/// content, and kinds must be deterministic. A failed stage blocks only its
/// dependents; stages already running finish and publish.
///
/// Atomicity: a stage writes into `tmp/`; its files are hashed, fsynced and
/// renamed into `objects/`, and the run record is written last.
///
/// Concurrency between processes sharing a store: a run holds `StoreLock`
/// shared (so gc/verify wait), claims each key it computes (`StageClaim`; a key
/// claimed elsewhere is polled, then reused), and takes the brief meta lock
/// only to rewrite pipeline.lock.json, statcache.json and workspace outputs.
///
/// Integrity: a stage about to run first re-hashes the objects it will read; a
/// corrupt one is quarantined and its producer runs again first (once per stage).
public final class Engine: @unchecked Sendable {
    public let pipeline: Pipeline
    public let store: Store
    public let console: Console
    private let cond = NSCondition()

    public init(pipeline: Pipeline, store: Store, console: Console) {
        self.pipeline = pipeline; self.store = store; self.console = console
    }

    /// Wakes the scheduler (after a signal) so it notices `Interruption`.
    public func wake() { cond.lock(); cond.broadcast(); cond.unlock() }

    /// Stages to consider and stages to rerun regardless of the cache.
    func selection(_ options: RunOptions) throws -> (selected: Set<String>, forced: Set<String>) {
        let targets = options.targets.isEmpty ? ["all"] : options.targets
        var named: [String] = []
        for t in targets { for n in try pipeline.resolve(target: t) where !named.contains(n) { named.append(n) } }
        var forced = Set<String>()
        if options.forceDownstream { forced = Set(pipeline.downstreamClosure(of: named)) }
        else if options.force { forced = Set(named) }
        return (Set(pipeline.upstreamClosure(of: named + forced.sorted())), forced)
    }

    public func run(_ options: RunOptions) throws -> RunSummary {
        let start = Date()
        let (selected, forced) = try selection(options)
        if options.dryRun { return try dryRun(selected: selected, forced: forced, forceOutputs: options.forceOutputs, start: start) }

        try store.createLayout()
        // Shared: any number of runs use the store at once; gc and verify wait for them all.
        let storeLock = StoreLock(store: store, mode: .shared)
        do { try storeLock.acquire(interrupted: { Interruption.isRequested }) { console.error($0) } }
        catch is FileLock.Interrupted { var s = RunSummary(); s.interrupted = true; return s }
        defer { storeLock.release() }
        store.cleanStaging()
        // Only for explaining staleness; the file is re-read under the meta lock before rewriting it.
        let lockFile = try LockFile.read(root: pipeline.root)
        let statCache = StatCache(store: store)
        let planner = Planner(pipeline: pipeline, store: store, lock: lockFile, statCache: statCache)
        let sync = WorkspaceSync(root: pipeline.root, store: store, statCache: statCache)

        let st = RunState(free: max(1, options.jobs))
        var pending = pipeline.stages.filter { selected.contains($0.name) }
        let order = Dictionary(uniqueKeysWithValues: pipeline.stages.enumerated().map { ($1.name, $0) })

        cond.lock()
        while true {
            // Stages sent back by a corrupt input: the producers, then their consumer.
            if !st.requeue.isEmpty {
                for r in st.requeue where !pending.contains(where: { $0.name == r.name }) { pending.append(r) }
                st.requeue = []
                pending.sort { order[$0.name, default: 0] < order[$1.name, default: 0] }
            }
            var changed = true
            var claimedElsewhere = false
            while changed {
                changed = false
                var i = 0
                while i < pending.count {
                    let s = pending[i]
                    if let bad = s.deps.first(where: st.blocked.contains) {
                        st.blocked.insert(s.name)
                        console.error("skip \(s.name) (upstream '\(bad)' failed)")
                        pending.remove(at: i); changed = true; continue
                    }
                    guard s.deps.allSatisfy({ st.results[$0] != nil }), !Interruption.isRequested else { i += 1; continue }
                    let e = planner.evaluate(s, results: st.results)
                    if let r = e.record, !forced.contains(s.name) || st.waitedFor[r.key] != nil {
                        reuse(s.name, r, st)
                        pending.remove(at: i); changed = true; continue
                    }
                    if e.files == nil {  // a listed workspace file vanished since the pipeline was loaded
                        st.blocked.insert(s.name); st.summary.failed += 1
                        console.error("error: stage '\(s.name)' failed: \(e.reasons.joined(separator: "; "))")
                        pending.remove(at: i); changed = true; continue
                    }
                    // A stage whose key is already running here waits for it, then finds it cached.
                    guard st.free > 0, let key = e.key, let inputs = e.inputs, let files = e.files, !st.runningKeys.contains(key) else { i += 1; continue }
                    // Another process computing this key: look again later, without holding a thread.
                    let claim: StageClaim
                    switch self.claim(s.name, key: key, st) {
                    case .busy: claimedElsewhere = true; i += 1; continue
                    case .failed(let error):
                        st.blocked.insert(s.name); st.summary.failed += 1
                        console.error("error: stage '\(s.name)' failed: \(error)")
                        pending.remove(at: i); changed = true; continue
                    case .held(let c): claim = c
                    }
                    // Re-check under the claim: a holder we waited for (or one that finished
                    // between evaluate and claim) has normally published. Forcing reruns only
                    // results that existed before this run looked.
                    if let r = planner.validRecord(key), !forced.contains(s.name) || st.waitedFor[key] != nil {
                        claim.release()
                        reuse(s.name, r, st)
                        pending.remove(at: i); changed = true; continue
                    }
                    st.runningKeys.insert(key)
                    // Share the free cores among the stages ready now (this one included), so
                    // two trainings run side by side on one core each rather than one after the
                    // other on two; a stage keeps its share until it ends. Speed only.
                    let ready = pending.filter { $0.deps.allSatisfy { st.results[$0] != nil } }.count
                    let threads = min(s.maxThreads, max(1, st.free / max(1, ready)))
                    st.free -= threads
                    st.running += 1
                    let share = ThreadShare(threads)
                    if s.kind.growsThreads { st.growable.append((key, share, s.maxThreads)) }
                    let why = e.record != nil ? ["forced"] : st.waitedFor[key] != nil ? ["its other run ended without a result"] : e.reasons
                    console.line("run  \(s.name) (\(StaleReasons.describe(why)))")
                    let depRecords = s.deps.compactMap { d in st.results[d].map { (d, $0) } }
                    pending.remove(at: i); changed = true
                    Thread.detachNewThread { [self] in
                        let outcome = Result { try execute(s, key: key, inputs: inputs, files: files, deps: depRecords, share: share) }
                        claim.release()  // after the record is published (or the stage failed)
                        cond.lock()
                        switch outcome {
                        case .failure(let error as CorruptInputError) where !st.requeued.contains(s.name) && !Interruption.isRequested:
                            // Once per stage: a second corruption of the same inputs is a failure, not a loop.
                            st.requeued.insert(s.name)
                            console.error("note: \(error)")
                            for p in error.producers {
                                st.results[p] = nil
                                if st.cachedNames.remove(p) != nil { st.summary.cached -= 1 }
                                if let stage = self.pipeline.stages.first(where: { $0.name == p }) { st.requeue.append(stage) }
                            }
                            st.requeue.append(s)
                        case .success(let r):
                            st.results[s.name] = r
                            st.summary.ran += 1
                            console.line("done \(s.name) \(String(format: "%.1f", r.seconds))s")
                        case .failure(let error):
                            st.blocked.insert(s.name)
                            if error is InterruptedError || Interruption.isRequested { st.summary.interrupted = true }
                            else { st.summary.failed += 1; console.error("error: stage '\(s.name)' failed: \(error)") }
                        }
                        st.free += share.count
                        st.growable.removeAll { $0.key == key }
                        st.running -= 1
                        st.runningKeys.remove(key)
                        cond.broadcast()
                        cond.unlock()
                    }
                }
            }
            lendFreeCores(st, pending: pending)
            if st.running == 0 && !claimedElsewhere { break }
            // Claims held elsewhere are polled; our own stages wake us when they end.
            if claimedElsewhere { _ = cond.wait(until: Date().addingTimeInterval(0.1)) } else { cond.wait() }
        }
        cond.unlock()
        if Interruption.isRequested { st.summary.interrupted = true }

        var summary = st.summary
        let results = st.results
        // A run killed while copying leaves `.tmp-` files among the user's outputs: sweep them.
        // Only dead writers' temps go, so this needs no lock.
        var outputDirs: Set<String> = [pipeline.root.path]
        for o in pipeline.outputs {
            guard let r = results[o.stage] else { continue }
            for (path, _) in sync.expected([o], stage: o.stage, record: r) { outputDirs.insert(WorkspaceSync.parent(of: path, root: pipeline.root.path)) }
        }
        sync.removeStaleTemps(in: outputDirs)
        // Nothing to write (the common no-op run): skip the meta lock and re-encoding the lock file.
        if try nothingToWrite(results: results, lockFile: lockFile, sync: sync, statCache: statCache, force: options.forceOutputs) {
            finish(summary, start: start)
            return summary
        }
        // The shared mutable files change only under the brief meta lock, never while a stage runs.
        var refused: EngineError?
        try store.withMetaLock(message: { console.error($0) }) {
            // Merge: entries another run wrote since we started are kept unless this run has a result for that stage.
            // The file read at the start is parsed again only if it changed since.
            let current = lockFile.isCurrent(root: pipeline.root) ? lockFile : try LockFile.read(root: pipeline.root)
            let changes = try sync.changes(pipeline.outputs, results: results, previous: current, force: options.forceOutputs)
            summary.restored += try sync.apply(changes, console: console)
            // A stage whose output was refused keeps its old entry, so the path stays not ours until it is resolved.
            var recorded = results
            for case .refuse(let stage, _, _) in changes { recorded[stage] = nil }
            refused = WorkspaceSync.refusal(changes)
            try merged(recorded, into: current).write(root: pipeline.root)
            try statCache.save()
        }
        finish(summary, start: start)
        if let refused { throw refused }
        return summary
    }

    func finish(_ summary: RunSummary, start: Date) {
        let elapsed = String(format: "%.1f", Date().timeIntervalSince(start))
        console.line("\(summary.ran) ran, \(summary.cached) cached, \(summary.failed) failed in \(elapsed)s" + (summary.interrupted ? " (interrupted)" : ""))
    }

    /// The lock file's entries after this run: its results replace their stages' entries, stages
    /// without a result keep theirs, stages no longer in the pipeline lose theirs.
    func merged(_ results: [String: RunRecord], into current: LockFile) -> LockFile {
        var entries: [String: RunRecord] = [:]
        for s in pipeline.stages { if let r = results[s.name] ?? current.entries[s.name] { entries[s.name] = r } }
        return LockFile(entries: entries, volatile: pipeline.volatileOutputs)
    }

    /// True when the end of a run would change nothing: every workspace output matches,
    /// the stat cache learnt nothing, and the lock file exists, is unchanged since this
    /// run read it, and already holds these results. Checked without the meta lock; any
    /// doubt means the locked path, which re-checks everything.
    func nothingToWrite(results: [String: RunRecord], lockFile: LockFile, sync: WorkspaceSync, statCache: StatCache, force: Bool) throws -> Bool {
        guard lockFile.onDisk != nil, merged(results, into: lockFile).hasSameEntries(as: lockFile) else { return false }
        guard try sync.changes(pipeline.outputs, results: results, previous: lockFile, force: force).isEmpty else { return false }
        return !statCache.isDirty && lockFile.isCurrent(root: pipeline.root)
    }

    /// Takes a cached result (under `cond`); one computed by another process while we waited is announced.
    func reuse(_ stage: String, _ r: RunRecord, _ st: RunState) {
        st.results[stage] = r
        st.summary.cached += 1
        st.cachedNames.insert(stage)
        if let by = st.waitedFor[r.key] { console.line("reuse \(stage) (computed by \(by))") }
        else if console.verbose { console.line("skip \(stage) (cached)") }
    }

    enum ClaimAttempt { case held(StageClaim), busy, failed(Error) }

    /// Tries to claim `key` for `stage` without blocking. The first time a key
    /// is found held elsewhere, says who holds it (once) and remembers that
    /// this run waited for it.
    func claim(_ stage: String, key: String, _ st: RunState) -> ClaimAttempt {
        let c = StageClaim(store: store, key: key, stage: stage)
        do {
            if try c.tryAcquire() { return .held(c) }
        } catch { return .failed(error) }
        if st.waitedFor[key] == nil {
            let holder = FileLock.describe(c.holderNote())
            st.waitedFor[key] = holder
            console.error("waiting for \(stage): running in \(holder)")
        }
        return .busy
    }

    /// The scheduler's mutable state; every access holds `cond`.
    final class RunState: @unchecked Sendable {
        var summary = RunSummary()
        var results: [String: RunRecord] = [:]
        var blocked = Set<String>()
        var running = 0
        var runningKeys = Set<String>()
        /// Keys found claimed by another process -> who held the claim.
        var waitedFor: [String: String] = [:]
        var cachedNames = Set<String>()
        var requeued = Set<String>()
        var requeue: [StageInstance] = []
        var free: Int
        /// Running stages that may be lent cores, in start order.
        var growable: [(key: String, share: ThreadShare, max: Int)] = []
        init(free: Int) { self.free = free }
    }

    /// Gives free cores to running `growsThreads` stages, one core at a time in
    /// start order, when no pending stage has all its inputs (a stage that is
    /// ready gets them when it starts instead). Called with `cond` held.
    func lendFreeCores(_ st: RunState, pending: [StageInstance]) {
        guard st.free > 0, !st.growable.isEmpty,
              !pending.contains(where: { $0.deps.allSatisfy { st.results[$0] != nil } }) else { return }
        var lent = true
        while st.free > 0 && lent {
            lent = false
            for g in st.growable where st.free > 0 && g.share.count < g.max {
                g.share.grow(by: 1)
                st.free -= 1
                lent = true
            }
        }
    }

    struct InterruptedError: Error, CustomStringConvertible { var description: String { "interrupted" } }

    /// Runs one stage in a staging folder and publishes its outputs.
    func execute(_ s: StageInstance, key: String, inputs: [String: [String: String]], files: [String: String],
                 deps: [(String, RunRecord)], share: ThreadShare) throws -> RunRecord {
        let started = Date()
        if let corrupt = try store.corruptInputs(of: s.name, deps: deps) { throw corrupt }
        let staging = try store.makeStaging(String(key.prefix(12)))
        defer { try? FileManager.default.removeItem(at: staging) }
        let out = staging.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let scratch = store.scratch(key)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let stageInputs = deps.map { name, r in
            StageInput(stage: name, files: r.outputs.mapValues { store.objectURL($0.hash) }, hashes: r.outputs.mapValues(\.hash),
                       seconds: r.seconds)
        }
        let console = self.console
        let name = s.name
        // Every line the stage prints is kept in its log (logs/<key>.log) as well as shown.
        let stageLog = StageLog(store: store, stage: name, key: key)
        let context = StageContext(stageName: name, share: share, outputDirectory: out, scratchDirectory: scratch, inputs: stageInputs,
                                   projectDirectory: pipeline.root, files: files, pipelineHash: pipeline.sourceHash, numerics: s.kind.numericsIdentity,
                                   log: { stageLog.write($0); console.line("\(name): \($0)") }, progress: { console.progress("\(name): \($0)") },
                                   output: { stageLog.write($0); console.error("\(name): \($0)") })
        return try stageLog.recording { try runAndPublish(s, key: key, inputs: inputs, files: files, deps: deps, context: context,
                                                          out: out, scratch: scratch, started: started) }
    }

    /// The part of `execute` whose outcome the stage's log records.
    private func runAndPublish(_ s: StageInstance, key: String, inputs: [String: [String: String]], files: [String: String],
                               deps: [(String, RunRecord)], context: StageContext, out: URL, scratch: URL, started: Date) throws -> RunRecord {
        let name = s.name
        let inPlace = InPlaceOutputs(root: pipeline.root, store: store)
        try inPlace.materialize(deps: deps, pipeline: pipeline)
        try inPlace.clear(s.outs)
        try s.kind.run(params: s.params, context: context)
        if Interruption.isRequested { throw InterruptedError() }
        try inPlace.collect(s.outs, into: out)
        let outputs = try store.publish(out)
        let seconds = (Date().timeIntervalSince(started) * 1000).rounded() / 1000
        var record = RunRecord(key: key, stage: name, kind: s.kind.name, version: s.kind.version, params: s.params, inputs: inputs,
                               outputs: outputs, numerics: s.kind.numericsIdentity, started: Timestamp.string(started), seconds: seconds,
                               tool: ToolInfo.version, host: ProcessInfo.processInfo.hostName)
        record.files = files
        record.paramsFiles = s.paramValues
        try store.writeRecord(record)
        try? FileManager.default.removeItem(at: scratch)
        return record
    }

    /// Prints what a run would do, changing nothing.
    func dryRun(selected: Set<String>, forced: Set<String>, forceOutputs: Bool, start: Date) throws -> RunSummary {
        let lockFile = try LockFile.read(root: pipeline.root)
        let statCache = StatCache(store: store)
        let planner = Planner(pipeline: pipeline, store: store, lock: lockFile, statCache: statCache)
        let sync = WorkspaceSync(root: pipeline.root, store: store, statCache: statCache)
        var results: [String: RunRecord] = [:]
        var summary = RunSummary()
        for s in pipeline.stages where selected.contains(s.name) {
            let e = planner.evaluate(s, results: results)
            if let r = e.record, !forced.contains(s.name) {
                results[s.name] = r
                summary.cached += 1
                let changes = try sync.changes(pipeline.outputs.filter { $0.stage == s.name }, results: results, previous: lockFile, force: forceOutputs)
                for line in WorkspaceSync.describe(changes, dryRun: true) { console.line(line) }
            } else {
                summary.ran += 1
                console.line("would run \(s.name) (\(StaleReasons.describe(e.record != nil ? ["forced"] : e.reasons)))")
                for path in try sync.foreseenRefusals(pipeline.outputs, stage: s.name, previous: lockFile, force: forceOutputs) {
                    console.line("would refuse \(path) (not written by pipeline; --force-outputs takes it over)")
                }
            }
        }
        console.line("\(summary.ran) would run, \(summary.cached) cached")
        return summary
    }
}
