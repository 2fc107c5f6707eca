import Foundation

/// Performs a `Scheduler`'s actions in this process, like ninja's Builder for
/// its Plan: evaluates stages with the `Planner`, claims keys (`StageClaim`),
/// runs each started stage on a thread of its own, and feeds the outcomes back.
///
/// Cache decisions are made here: a forced stage ignores a result that existed
/// before this run looked, but reuses one another process computed while this
/// run waited for it. A stage's cores are free as soon as its outputs are in
/// objects/ (`done X` is printed then); its record goes to disk through the
/// `RecordCommitter`, and only once it is written are the stage's dependants
/// started, its claim released and its scratch folder removed.
///
/// Threading: `run` drives the scheduler from the calling thread and is the
/// only one to touch it and the per-stage state; a stage thread only appends
/// its outcome to `outcomes` under `cond` and signals it. A request of the
/// run's `Cancellation` signals `cond` too, so the loop sees it at once.
final class LocalExecutor: @unchecked Sendable {
    let pipeline: Pipeline
    let store: Store
    let console: Console
    let planner: Planner
    let forced: Set<String>
    private let cond = NSCondition()
    let cancellation: Cancellation
    private var scheduler: Scheduler
    private let committer: RecordCommitter
    private let index: [String: Int]

    // Per stage, indexed like `pipeline.stages`; touched by the driving thread only.
    private var resultsByName: [String: RunRecord] = [:]
    /// Kept from evaluation until the stage starts (memory: one per stage at 100,000 stages).
    private var evaluations: [StageEvaluation?]
    /// Keys found claimed by another process -> who held the claim.
    private var waitedFor: [String: String] = [:]
    private var shares: [Int: ThreadShare] = [:]
    private var commitFailures = 0
    private let staging: StagingPool
    /// Keys this run claimed: their claim files are removed at the end (`StageClaim.removeReleased`).
    private var claimedKeys: [String] = []

    private enum Outcome {
        case ended(Int, Result<RunRecord, Error>, StageClaim)
        case committed(Int, key: String, Error?)
    }
    /// Filled by stage and committer threads under `cond`.
    private var outcomes: [Outcome] = []

    init(pipeline: Pipeline, store: Store, console: Console, planner: Planner, selection: StageSelection, jobs: Int, cancellation: Cancellation) {
        self.pipeline = pipeline; self.store = store; self.console = console; self.planner = planner
        self.forced = selection.forced
        self.cancellation = cancellation
        var index: [String: Int] = [:]
        for (i, s) in pipeline.stages.enumerated() { index[s.name] = i }
        self.index = index
        let stages = pipeline.stages.map { s in
            Scheduler.Stage(name: s.name, deps: s.deps.compactMap { index[$0] }, maxThreads: s.maxThreads, growsThreads: s.kind.growsThreads)
        }
        scheduler = Scheduler(stages: stages, selected: pipeline.stages.map { selection.selected.contains($0.name) }, cores: jobs)
        committer = RecordCommitter(store: store)
        staging = StagingPool(store: store)
        evaluations = Array(repeating: nil, count: pipeline.stages.count)
        resultsByName.reserveCapacity(pipeline.stages.count)
    }

    /// Runs the selected stages; returns the counts and every stage's result (cached or ran).
    func run() -> (summary: RunSummary, results: [String: RunRecord]) {
        let cond = self.cond
        cancellation.whenRequested { cond.lock(); cond.broadcast(); cond.unlock() }
        var cancelled = false
        var nextPoll: Date?
        while true {
            if !cancelled && cancellation.isRequested { scheduler.handle(.cancelled); cancelled = true }
            take()
            if let action = scheduler.next() {
                if case .evaluate(let i) = action { evaluateReady(first: i) } else { perform(action) }
                continue
            }
            if scheduler.isFinished { break }
            // Claims held elsewhere are polled; our own stages wake us when they end.
            if scheduler.isPolling, nextPoll == nil { nextPoll = Date().addingTimeInterval(0.1) }
            cond.lock()
            if outcomes.isEmpty && !cancellation.isRequested {
                if let due = nextPoll { _ = cond.wait(until: due) } else { cond.wait() }
            }
            cond.unlock()
            if let due = nextPoll, Date() >= due { nextPoll = nil; scheduler.handle(.pollDue) }
        }
        do { try committer.flush() } catch {
            console.error("error: cannot make the run records durable: \(error)")
            commitFailures += 1
        }
        committer.close()
        staging.removeAll()
        take()
        StageClaim.removeReleased(store: store, keys: claimedKeys)
        var summary = scheduler.summary
        summary.failed += commitFailures
        if cancellation.isRequested { summary.interrupted = true }
        return (summary, resultsByName)
    }

    /// Applies the outcomes that stage and committer threads reported.
    private func take() {
        cond.lock()
        let batch = outcomes
        outcomes = []
        cond.unlock()
        for o in batch {
            switch o {
            case .ended(let i, let result, let claim): ended(i, result, claim)
            case .committed(let i, let key, let error):
                guard let error else { scheduler.handle(.finished(i)); continue }
                // The stage's bytes are in objects/ but no record names them: the next run computes it again.
                console.error("error: stage '\(pipeline.stages[i].name)' failed: cannot write its run record: \(error)")
                let name = pipeline.stages[i].name
                if resultsByName[name]?.key == key { resultsByName[name] = nil }
                scheduler.handle(.failed(i))
            }
        }
    }

    private func post(_ o: Outcome) {
        cond.lock(); outcomes.append(o); cond.broadcast(); cond.unlock()
    }

    private func perform(_ action: Scheduler.Action) {
        switch action {
        case .evaluate(let i): evaluate(i)
        case .recheck(let i): evaluate(i)
        case .start(let i, let threads): start(i, threads: threads)
        case .lend(let i, let cores): shares[i]?.grow(by: cores)
        case .skip(let i, let upstream):
            console.error("skip \(pipeline.stages[i].name) (upstream '\(pipeline.stages[upstream].name)' failed)")
        }
    }

    /// Key and cached result of a stage whose inputs are final (or, on a
    /// recheck, again: the key comes out the same).
    private func evaluate(_ i: Int) { settle(i, planner.evaluate(pipeline.stages[i], results: resultsByName)) }

    /// `.evaluate` actions come in runs when many stages are ready at once (the
    /// first step of a wide pipeline, a no-op run): the run is taken whole,
    /// evaluated concurrently (`Planner.evaluate(stagesAt:results:)`), and settled in
    /// the order the scheduler gave it, as one evaluation after another would
    /// be. No stage of a run depends on another of it: a stage is offered for
    /// evaluation only once its dependencies are settled. The action that ended
    /// the run is performed after.
    private func evaluateReady(first: Int) {
        var batch = [first]
        var after: Scheduler.Action?
        while batch.count < Planner.maxBatch, let a = scheduler.next() {
            guard case .evaluate(let i) = a else { after = a; break }
            batch.append(i)
        }
        if batch.count == 1 { evaluate(first) } else {
            for (i, e) in zip(batch, planner.evaluate(stagesAt: batch, results: resultsByName)) { settle(i, e) }
        }
        if let after { perform(after) }
    }

    /// Takes an evaluation: a cached result is reused, otherwise the stage must run.
    private func settle(_ i: Int, _ e: StageEvaluation) {
        let s = pipeline.stages[i]
        evaluations[i] = e
        guard let key = e.key else { scheduler.handle(.failed(i)); return }
        if let r = e.record, !forced.contains(s.name) || waitedFor[key] != nil {
            reuse(i, r)
            return
        }
        scheduler.handle(.mustRun(i, key: key))
    }

    /// Takes a cached result; one computed by another process while we waited is announced.
    private func reuse(_ i: Int, _ r: RunRecord) {
        let name = pipeline.stages[i].name
        evaluations[i] = nil
        resultsByName[name] = r
        if let by = waitedFor[r.key] { console.line("reuse \(name) (computed by \(by))") }
        else if console.verbose { console.line("skip \(name) (cached)") }
        scheduler.handle(.cached(i))
    }

    enum ClaimAttempt { case held(StageClaim), busy, failed(Error) }

    /// Tries to claim `key` without blocking. The first time a key is found
    /// held elsewhere, says who holds it (once) and remembers that this run waited for it.
    private func claim(_ stage: String, key: String) -> ClaimAttempt {
        let c = StageClaim(store: store, key: key, stage: stage)
        do {
            if try c.tryAcquire() { return .held(c) }
        } catch { return .failed(error) }
        if waitedFor[key] == nil {
            let holder = FileLock.describe(c.holderNote())
            waitedFor[key] = holder
            console.error("waiting for \(stage): running in \(holder)")
        }
        return .busy
    }

    private func start(_ i: Int, threads: Int) {
        let s = pipeline.stages[i]
        guard let e = evaluations[i], let key = e.key, let inputs = e.inputs else { scheduler.handle(.failed(i)); return }
        guard let files = e.files else {  // a listed workspace file vanished since the pipeline was loaded
            console.error("error: stage '\(s.name)' failed: \(e.reasons.joined(separator: "; "))")
            scheduler.handle(.failed(i))
            return
        }
        let claim: StageClaim
        switch self.claim(s.name, key: key) {
        case .busy: scheduler.handle(.claimedElsewhere(i)); return
        case .failed(let error):
            console.error("error: stage '\(s.name)' failed: \(error)")
            scheduler.handle(.failed(i))
            return
        case .held(let c): claim = c; claimedKeys.append(key)
        }
        // Re-check under the claim: a holder we waited for (or one that finished
        // between evaluate and claim) has normally published. Forcing reruns only
        // results that existed before this run looked.
        if let r = planner.validRecord(key), !forced.contains(s.name) || waitedFor[key] != nil {
            claim.release(keepingFile: true)
            reuse(i, r)
            return
        }
        let share = ThreadShare(threads)
        shares[i] = share
        let why = e.record != nil ? ["forced"] : waitedFor[key] != nil ? ["its other run ended without a result"] : e.reasons
        console.line("run  \(s.name) (\(StaleReasons.describe(why)))")
        let deps = s.deps.compactMap { d in resultsByName[d].map { (d, $0) } }
        evaluations[i] = nil
        Thread.detachNewThread { [self] in
            let result = Result { try execute(s, key: key, inputs: inputs, files: files, deps: deps, share: share) }
            post(.ended(i, result, claim))
        }
    }

    /// A started stage ended (on the driving thread).
    private func ended(_ i: Int, _ result: Result<RunRecord, Error>, _ claim: StageClaim) {
        let s = pipeline.stages[i]
        shares[i] = nil
        switch result {
        case .success(let r):
            resultsByName[s.name] = r
            console.line("done \(s.name) \(String(format: "%.1f", r.seconds))s")
            let scratch = store.scratch(r.key)
            committer.submit(r) { [self] error in
                claim.release(keepingFile: true)  // after the record is published (or could not be)
                if error == nil { Self.removeEmptyOrAll(scratch.path) }
                post(.committed(i, key: r.key, error))
            }
            scheduler.handle(.computed(i))  // cores free now; dependants wait for the record
        case .failure(let error as CorruptInputError) where scheduler.mayRequeue(i) && !cancellation.isRequested:
            claim.release(keepingFile: true)
            // Once per stage: a second corruption of the same inputs is a failure, not a loop.
            console.error("note: \(error)")
            for p in error.producers { resultsByName[p] = nil }
            scheduler.handle(.corruptInputs(i, producers: error.producers.compactMap { index[$0] }))
        case .failure(let error):
            claim.release(keepingFile: true)
            if error is InterruptedError || cancellation.isRequested { scheduler.handle(.interrupted(i)) }
            else {
                console.error("error: stage '\(s.name)' failed: \(error)")
                scheduler.handle(.failed(i))
            }
        }
    }

    struct InterruptedError: Error, CustomStringConvertible { var description: String { "interrupted" } }

    /// Runs one stage in a staging folder and publishes its outputs (on the stage's thread).
    func execute(_ s: StageInstance, key: String, inputs: [String: [String: String]], files: [String: String],
                 deps: [(String, RunRecord)], share: ThreadShare) throws -> RunRecord {
        let started = Date()
        if let corrupt = try store.corruptInputs(of: s.name, deps: deps) { throw corrupt }
        // The staging folder is the output folder. An empty one is reused by the next
        // stage: creating and deleting folders per stage made ext4's inode allocation
        // (its scan past recently deleted inodes) the largest cost of a trivial stage.
        let out = try staging.take(label: String(key.prefix(12)))
        var reusable = false
        defer { if reusable { staging.give(out) } else { Self.removeEmptyOrAll(out.path) } }
        // Not created here: most stages never use it, and a folder made and deleted per
        // stage costs more than the stage (see `StagingPool`). Kinds create it on first write.
        let scratch = store.scratch(key)
        let stageInputs = deps.map { name, r in
            // A dep taken from a checked lock file has no run facts: its record has them.
            StageInput(stage: name, files: r.outputs.mapValues { store.objectURL($0.hash) }, hashes: r.outputs.mapValues(\.hash),
                       seconds: r.hasRunFacts ? r.seconds : store.record(r.key)?.seconds)
        }
        let console = self.console
        let name = s.name
        // Every line the stage prints is kept in its log (logs/<key>.log) as well as shown.
        let stageLog = StageLog(store: store, stage: name, key: key)
        let context = StageContext(stageName: name, share: share, outputDirectory: out, scratchDirectory: scratch, inputs: stageInputs,
                                   projectDirectory: pipeline.root, files: files, pipelineHash: pipeline.sourceHash, numerics: s.kind.numericsIdentity,
                                   cancellation: cancellation,
                                   log: { stageLog.write($0); console.line("\(name): \($0)") }, progress: { console.progress("\(name): \($0)") },
                                   output: { stageLog.write($0); console.error("\(name): \($0)") })
        let record = try stageLog.recording(cancellation: cancellation) {
            try runAndPublish(s, key: key, inputs: inputs, files: files, deps: deps, context: context, out: out, started: started)
        }
        reusable = Self.isEmptyDirectory(out.path)
        return record
    }

    /// The part of `execute` whose outcome the stage's log records.
    private func runAndPublish(_ s: StageInstance, key: String, inputs: [String: [String: String]], files: [String: String],
                               deps: [(String, RunRecord)], context: StageContext, out: URL, started: Date) throws -> RunRecord {
        let name = s.name
        let inPlace = InPlaceOutputs(root: pipeline.root, store: store)
        try inPlace.materialize(deps: deps, pipeline: pipeline)
        try inPlace.clear(s.outs)
        try s.kind.run(params: s.params, context: context)
        if cancellation.isRequested { throw InterruptedError() }
        try inPlace.collect(s.outs, into: out)
        // Not fsynced here: the committer syncs a whole group before writing its records.
        let outputs = try store.publish(out, durable: false)
        let seconds = (Date().timeIntervalSince(started) * 1000).rounded() / 1000
        var record = RunRecord(key: key, stage: name, kind: s.kind.name, version: s.kind.version, params: s.params, inputs: inputs,
                               outputs: outputs, numerics: s.kind.numericsIdentity, started: Timestamp.string(started), seconds: seconds,
                               tool: ToolInfo.version, host: Store.hostName)
        record.files = files
        record.paramsFiles = s.paramValues
        return record
    }

    static func isEmptyDirectory(_ path: String) -> Bool {
        guard let d = opendir(path) else { return false }
        defer { closedir(d) }
        while let e = readdir(d) {
            let name = withUnsafePointer(to: e.pointee.d_name) { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            if name != "." && name != ".." { return false }
        }
        return true
    }

    /// mkdir, with FileManager's intermediate folders only when the parent is missing.
    static func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// rmdir for the common empty folder, else a recursive remove (errors ignored: leftovers are swept later).
    static func removeEmptyOrAll(_ path: String) {
        if rmdir(path) == 0 || errno == ENOENT { return }
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Empty staging folders of this run, handed from one stage to the next.
/// Thread-safe. `removeAll` at the end of the run deletes them.
final class StagingPool: @unchecked Sendable {
    private let store: Store
    private let lock = NSLock()
    private var idle: [URL] = []

    init(store: Store) { self.store = store }

    /// An empty staging folder: an idle one, or a new `tmp/<label>-<owner>` folder.
    func take(label: String) throws -> URL {
        lock.lock()
        let reused = idle.popLast()
        lock.unlock()
        return try reused ?? store.makeStaging(label)
    }

    /// Returns a folder that is empty again.
    func give(_ url: URL) { lock.lock(); idle.append(url); lock.unlock() }

    func removeAll() {
        lock.lock(); let all = idle; idle = []; lock.unlock()
        for u in all { LocalExecutor.removeEmptyOrAll(u.path) }
    }
}
