/// The plan of one run: which selected stage to evaluate, start, skip or lend
/// cores to next, given what has happened so far. Like ninja's Plan, it is kept
/// apart from what runs stages (`LocalExecutor`): no threads, no files, no
/// clock, so every scheduling rule is tested by feeding it events.
///
/// Contract:
/// - Threading: a value, not thread-safe; one thread drives it, alternating
///   `next()` (until nil) and `handle(_:)`.
/// - Inputs final once: a stage's inputs are final when each of its deps has a
///   result (cached or ran). `next()` then answers `.evaluate(i)` once, and the
///   driver computes the key then; `.recheck(i)` asks again for a result of the
///   same key (another process held it, or this run was computing it). Only a
///   corrupt input that sends a producer back makes a consumer's inputs change
///   again (then it is evaluated again once the producer has a new result).
/// - Ordering: among stages that can go, the one earliest in `stages` comes
///   first, whatever the order events arrive in. A stage that needs cores waits
///   while later stages that do not (evaluations, skips) go ahead.
/// - Cores: a stage starts with min(maxThreads, max(1, free / ready)) cores,
///   `ready` counting every stage whose inputs are final and that is not
///   running (itself included), so stages ready together share the free cores.
///   Cores that free up while no stage is ready are lent, one at a time in
///   start order, to running stages with `growsThreads`, up to their
///   `maxThreads`; a ready stage always comes before lending, and nothing is
///   lent while a result is being published (its dependants come first).
/// - Publishing: `.computed` frees a stage's cores at once; its dependants
///   wait for `.finished` (its record written), so a result that a later
///   stage used is never lost to a kill.
/// - Failure: a failed or interrupted stage blocks the stages that read it,
///   transitively (`.skip`, naming the blocked dependency), and only those.
/// - Corrupt inputs: a consumer may send its producers back once; they are
///   checked again and rerun, then the consumer is evaluated again. A second
///   report for the same consumer is a failure. Counts in `summary` are per
///   stage, by its final state, so a producer that runs twice counts once.
/// - Cancellation: after `.cancelled` nothing starts or is evaluated; running
///   stages finish (their events are still handled) and blocked stages are
///   still reported skipped.
/// - Cost: an event touches the stage and its dependants only; each stage is
///   evaluated once; queues are heaps. A run is O((stages + deps) log stages).
public struct Scheduler: Sendable {
    /// What the scheduler needs of a stage.
    public struct Stage: Sendable, Equatable {
        public var name: String
        /// Indices into `stages` of the stages it reads.
        public var deps: [Int]
        public var maxThreads: Int
        public var growsThreads: Bool
        public init(name: String, deps: [Int] = [], maxThreads: Int = 1, growsThreads: Bool = false) {
            self.name = name; self.deps = deps; self.maxThreads = max(1, maxThreads); self.growsThreads = growsThreads
        }
    }

    public enum Action: Sendable, Equatable {
        /// The stage's inputs are final: compute its key and look for a valid
        /// result. Answer at once with `.cached` or `.mustRun`.
        case evaluate(Int)
        /// Its key is known: look again for a valid result. Answer as for `.evaluate`.
        case recheck(Int)
        /// Run the stage with `threads` cores. Answer with `.finished`, `.failed`,
        /// `.interrupted` or `.corruptInputs` when it ends, or at once with
        /// `.claimedElsewhere` or `.cached` when it cannot or need not run.
        case start(Int, threads: Int)
        /// Give a running `growsThreads` stage `cores` more cores.
        case lend(Int, cores: Int)
        /// The stage will not run: its dependency `upstream` failed or was skipped.
        case skip(Int, upstream: Int)
    }

    public enum Event: Sendable, Equatable {
        /// A valid result exists (answer to evaluate, recheck or start).
        case cached(Int)
        /// No valid result for `key`: the stage has to run.
        case mustRun(Int, key: String)
        /// A started stage's work is done: its cores come back, but its result is
        /// not published yet (its dependants and stages of the same key wait).
        case computed(Int)
        /// A started stage ran and published its result (after `.computed`, or without it).
        case finished(Int)
        /// The stage failed (while running or publishing, or it could not be claimed).
        case failed(Int)
        /// A started stage stopped because the run was cancelled.
        case interrupted(Int)
        /// A started stage's key is being computed by another process: its cores
        /// come back, and it is rechecked after the next `.pollDue`.
        case claimedElsewhere(Int)
        /// A started stage found corrupt inputs of `producers` (already quarantined).
        case corruptInputs(Int, producers: [Int])
        /// Stop starting stages.
        case cancelled
        /// Time to recheck stages claimed elsewhere.
        case pollDue
    }

    enum Phase: Int, CaseIterable, Sendable {
        case unselected, waiting, toEvaluate, toRecheck, evaluating, runnable, parked, elsewhere
        case running, publishing, cached, ran, failed, interrupted, toSkip, skipped

        /// Inputs final, not running, no outcome yet: counted in `ready`.
        var isReady: Bool {
            switch self { case .toEvaluate, .toRecheck, .evaluating, .runnable, .parked, .elsewhere: true; default: false }
        }
        /// Not started yet, so a failed or reset dependency still concerns it.
        var isBeforeStart: Bool { self == .waiting || isReady }
        var hasResult: Bool { self == .cached || self == .ran }
    }

    public let stages: [Stage]
    public let cores: Int
    private var phase: [Phase]
    private var phaseCount: [Int]
    /// Deps of each stage that have no result yet.
    private var unfinished: [Int]
    private var dependants: [[Int]]
    private var keys: [String?]
    private var threads: [Int]
    private var requeued: [Bool]
    private var blockedBy: [Int]
    /// Stages to evaluate, recheck or skip (no cores needed), and stages to start.
    private var settleQueue = IndexHeap()
    private var runQueue = IndexHeap()
    private var runningKey: [String: Int] = [:]
    private var parkedOn: [String: [Int]] = [:]
    private var elsewhere: [Int] = []
    /// Running stages that may be lent cores, in start order.
    private var growable: [Int] = []
    private var lends: [Action] = []
    public private(set) var free: Int
    public private(set) var isCancelled = false
    /// Stage states looked at so far: tests bound it to show the work is linear.
    public private(set) var visits = 0

    /// `selected` (default: all) must hold every dep of each selected stage.
    public init(stages: [Stage], selected: [Bool]? = nil, cores: Int) {
        self.stages = stages
        self.cores = max(1, cores)
        free = self.cores
        let n = stages.count
        phase = Array(repeating: .unselected, count: n)
        phaseCount = Array(repeating: 0, count: Phase.allCases.count)
        phaseCount[Phase.unselected.rawValue] = n
        unfinished = Array(repeating: 0, count: n)
        dependants = Array(repeating: [], count: n)
        keys = Array(repeating: nil, count: n)
        threads = Array(repeating: 0, count: n)
        requeued = Array(repeating: false, count: n)
        blockedBy = Array(repeating: -1, count: n)
        var initial: [Int] = []
        for i in 0..<n where selected?[i] ?? true {
            var seen = Set<Int>()
            for d in stages[i].deps where seen.insert(d).inserted {
                precondition(d != i && (selected?[d] ?? true), "Scheduler: stage \(stages[i].name) reads an unselected stage")
                dependants[d].append(i)
            }
            unfinished[i] = seen.count
            if seen.isEmpty { set(i, .toEvaluate); initial.append(i) } else { set(i, .waiting) }
        }
        settleQueue = IndexHeap(initial)
    }

    // MARK: - Queries

    /// Stages whose inputs are final and that are not running yet.
    public var readyCount: Int { Phase.allCases.filter(\.isReady).reduce(0) { $0 + phaseCount[$1.rawValue] } }
    public var runningCount: Int { phaseCount[Phase.running.rawValue] }
    /// Stages computed whose results are not published yet.
    public var publishingCount: Int { phaseCount[Phase.publishing.rawValue] }
    /// Whether stages wait for another process's claim, so the driver should send `.pollDue` later.
    public var isPolling: Bool { !isCancelled && phaseCount[Phase.elsewhere.rawValue] > 0 }
    /// True when nothing runs and nothing can happen any more. Meaningful after `next()` returned nil.
    public var isFinished: Bool { runningCount == 0 && publishingCount == 0 && lends.isEmpty && settleQueue.isEmpty && runQueue.isEmpty && !isPolling }
    /// The key a stage was evaluated to, if it got that far.
    public func key(_ i: Int) -> String? { keys[i] }
    /// Cores a running stage holds now (lent ones included).
    public func threads(_ i: Int) -> Int { threads[i] }
    /// Whether a corrupt-input report for this running stage would send its producers back.
    public func mayRequeue(_ i: Int) -> Bool { !requeued[i] && !isCancelled }
    /// Per stage by final state; `interrupted` when cancelled or a stage was.
    public var summary: RunSummary {
        var s = RunSummary()
        s.ran = phaseCount[Phase.ran.rawValue]
        s.cached = phaseCount[Phase.cached.rawValue]
        s.failed = phaseCount[Phase.failed.rawValue]
        s.interrupted = isCancelled || phaseCount[Phase.interrupted.rawValue] > 0
        return s
    }

    // MARK: - Actions

    /// The next thing to do, or nil until an event arrives.
    public mutating func next() -> Action? {
        if !lends.isEmpty { return lends.removeFirst() }
        while true {
            // Drop stale queue entries (stages whose phase changed since they were queued).
            while let s = settleQueue.min, !isSettleable(s) { settleQueue.popMin(); visits += 1 }
            while let r = runQueue.min, isCancelled || phase[r] != .runnable { runQueue.popMin(); visits += 1 }
            let s = settleQueue.min
            let r = free > 0 ? runQueue.min : nil
            if let s, r.map({ s < $0 }) ?? true {
                settleQueue.popMin(); visits += 1
                switch phase[s] {
                case .toEvaluate: set(s, .evaluating); return .evaluate(s)
                case .toRecheck: set(s, .evaluating); return .recheck(s)
                default:  // .toSkip
                    set(s, .skipped)
                    block(dependantsOf: s)
                    return .skip(s, upstream: blockedBy[s])
                }
            }
            if let r {
                runQueue.popMin(); visits += 1
                let key = keys[r] ?? ""
                if runningKey[key] != nil {  // the same key runs here: wait for its result
                    set(r, .parked)
                    parkedOn[key, default: []].append(r)
                    continue
                }
                let n = min(stages[r].maxThreads, max(1, free / max(1, readyCount)))
                set(r, .running)
                free -= n
                threads[r] = n
                runningKey[key] = r
                if stages[r].growsThreads { growable.append(r) }
                return .start(r, threads: n)
            }
            lendFreeCores()
            return lends.isEmpty ? nil : lends.removeFirst()
        }
    }

    private func isSettleable(_ i: Int) -> Bool {
        switch phase[i] {
        case .toSkip: true
        case .toEvaluate, .toRecheck: !isCancelled
        default: false
        }
    }

    /// Free cores go to growable running stages when no stage is ready, one at a time in start order.
    private mutating func lendFreeCores() {
        // Not while a result is being published: its dependants are about to be ready.
        guard !isCancelled, free > 0, !growable.isEmpty, readyCount == 0, publishingCount == 0 else { return }
        var lent = Array(repeating: 0, count: growable.count)
        var any = true
        while free > 0 && any {
            any = false
            for (n, g) in growable.enumerated() where free > 0 && threads[g] < stages[g].maxThreads {
                threads[g] += 1; lent[n] += 1; free -= 1; any = true
            }
        }
        for (n, g) in growable.enumerated() where lent[n] > 0 { lends.append(.lend(g, cores: lent[n])) }
    }

    // MARK: - Events

    /// Applies what happened. Events that no longer fit the stage's state (for
    /// example the end of a stage already counted) are ignored.
    public mutating func handle(_ event: Event) {
        switch event {
        case .cached(let i):
            guard phase[i] == .evaluating || phase[i] == .running else { return }
            if phase[i] == .running { release(i) }
            set(i, .cached)
            resolved(i)
        case .mustRun(let i, let key):
            guard phase[i] == .evaluating else { return }
            keys[i] = key
            set(i, .runnable)
            runQueue.push(i)
        case .computed(let i):
            guard phase[i] == .running else { return }
            freeCores(i)
            set(i, .publishing)
        case .finished(let i):
            guard phase[i] == .running || phase[i] == .publishing else { return }
            release(i)
            set(i, .ran)
            resolved(i)
        case .failed(let i), .interrupted(let i):
            guard phase[i] == .running || phase[i] == .publishing || phase[i] == .evaluating else { return }
            if phase[i] != .evaluating { release(i) }
            if case .failed = event { set(i, .failed) } else { set(i, .interrupted) }
            block(dependantsOf: i)
        case .claimedElsewhere(let i):
            guard phase[i] == .running else { return }
            release(i)
            set(i, .elsewhere)
            elsewhere.append(i)
        case .corruptInputs(let i, let producers):
            guard phase[i] == .running else { return }
            guard mayRequeue(i) else { handle(.failed(i)); return }
            requeued[i] = true
            release(i)
            for p in producers where phase[p].hasResult { sendBack(p) }
            set(i, .waiting)
            keys[i] = nil
            unfinished[i] = Set(stages[i].deps).filter { !phase[$0].hasResult }.count
            visits += stages[i].deps.count
            if unfinished[i] == 0 { set(i, .toEvaluate); settleQueue.push(i) }
        case .cancelled:
            isCancelled = true
            lends = []
        case .pollDue:
            for i in elsewhere where phase[i] == .elsewhere { set(i, .toRecheck); settleQueue.push(i) }
            visits += elsewhere.count
            elsewhere = []
        }
    }

    private mutating func set(_ i: Int, _ p: Phase) {
        phaseCount[phase[i].rawValue] -= 1
        phaseCount[p.rawValue] += 1
        phase[i] = p
    }

    private mutating func freeCores(_ i: Int) {
        free += threads[i]
        threads[i] = 0
        if stages[i].growsThreads { growable.removeAll { $0 == i } }
    }

    /// A running (or publishing) stage stops holding cores and its key.
    private mutating func release(_ i: Int) {
        freeCores(i)
        guard let key = keys[i], runningKey[key] == i else { return }
        runningKey[key] = nil
        for j in parkedOn.removeValue(forKey: key) ?? [] where phase[j] == .parked {
            visits += 1
            set(j, .toRecheck)
            settleQueue.push(j)
        }
    }

    /// Stage `i` has a result: its waiting dependants have one dep fewer to wait for.
    private mutating func resolved(_ i: Int) {
        for d in dependants[i] where phase[d] == .waiting {
            visits += 1
            unfinished[d] -= 1
            if unfinished[d] == 0 { set(d, .toEvaluate); settleQueue.push(d) }
        }
    }

    private mutating func block(dependantsOf i: Int) {
        for d in dependants[i] where phase[d].isBeforeStart {
            visits += 1
            blockedBy[d] = i
            set(d, .toSkip)
            settleQueue.push(d)
        }
    }

    /// A producer whose result turned out corrupt: checked again (its inputs are
    /// unchanged, so its key is too); dependants not started yet wait for it again.
    private mutating func sendBack(_ p: Int) {
        set(p, .toRecheck)
        settleQueue.push(p)
        for d in dependants[p] where phase[d].isBeforeStart {
            visits += 1
            if phase[d] == .waiting { unfinished[d] += 1; continue }
            set(d, .waiting)
            keys[d] = nil
            unfinished[d] = 1
        }
    }
}
