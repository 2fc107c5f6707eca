import Foundation

/// Runs a pipeline against a store: the bookends of `pipeline run` around
/// the `Scheduler` (which stage goes when) and the `LocalExecutor` (which runs
/// them on threads of this process).
///
/// Scheduling: see `Scheduler`. Stages go in `pipeline.stages` order among
/// those ready; a stage's key is computed once its deps have results; a valid
/// run record for that key is reused, otherwise the stage runs with a share of
/// the free threads, and cores that free up while nothing is ready are lent to
/// running `growsThreads` stages. Results never depend on start order or
/// thread count: keys hash input content, and kinds must be deterministic. A
/// failed stage blocks only its dependents; stages already running finish and
/// publish.
///
/// Atomicity: a stage writes into `tmp/`; its files are hashed and renamed
/// into `objects/`, and its run record is written after them, once a sync
/// made them durable (`RecordCommitter`: one sync per group of stages).
///
/// Cancellation: `options.cancellation` (see `Cancellation`) stops this run
/// only; the same engine can run again with a new token.
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

    public init(pipeline: Pipeline, store: Store, console: Console) {
        self.pipeline = pipeline; self.store = store; self.console = console
    }

    public func run(_ options: RunOptions) throws -> RunSummary {
        let start = Date()
        let selection = try StageSelection(pipeline: pipeline, options: options)
        if options.dryRun { return try dryRun(selected: selection.selected, forced: selection.forced, forceOutputs: options.forceOutputs, lock: options.lockFile, start: start) }

        try store.createLayout()
        // Shared: any number of runs use the store at once; gc and verify wait for them all.
        let storeLock = StoreLock(store: store, mode: .shared)
        let cancellation = options.cancellation
        do { try storeLock.acquire(interrupted: { cancellation.isRequested }) { console.error($0) } }
        catch is FileLock.Interrupted { var s = RunSummary(); s.interrupted = true; return s }
        defer { storeLock.release() }
        store.cleanStaging()
        // Only for explaining staleness; the file is re-read under the meta lock before rewriting it.
        let lockFile = try LockFile.Reading.value(options.lockFile, root: pipeline.root, store: store)
        let statCache = StatCache(store: store)
        let verified = lockFile.onDisk?.noted == true
        let planner = Planner(pipeline: pipeline, store: store, lock: lockFile, statCache: statCache, lockVerified: verified)
        let sync = WorkspaceSync(root: pipeline.root, store: store, statCache: statCache)

        let executor = LocalExecutor(pipeline: pipeline, store: store, console: console, planner: planner, selection: selection,
                                     jobs: max(1, options.jobs), cancellation: cancellation)
        let outcome = executor.run()

        var summary = outcome.summary
        let results = outcome.results
        // The executor's own tables are freed as usual once it is done (they would raise the peak).
        defer { if options.processExitsAfter { ExitLeak.keep((lockFile, results)) } }
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
            // When this run checked every entry against its stage's record, the next can take the entries as read.
            if !verified {
                LockVerification.note(lockFile, agreesWith: results, volatile: pipeline.volatileOutputs, root: pipeline.root, store: store)
            }
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
            let written = merged(recorded, into: current)
            let digest = try written.save(root: pipeline.root).digest
            // Every entry from this run's records (none kept from before): the next run may take them as read.
            if written.entries.keys.allSatisfy({ recorded[$0] != nil }) {
                LockVerification.note(digest: digest, root: pipeline.root, store: store)
            }
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
        entries.reserveCapacity(pipeline.stages.count)  // no second table while it grows
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

    /// Prints what a run would do, changing nothing.
    func dryRun(selected: Set<String>, forced: Set<String>, forceOutputs: Bool, lock: LockFile.Reading?, start: Date) throws -> RunSummary {
        let lockFile = try LockFile.Reading.value(lock, root: pipeline.root, store: store)
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
