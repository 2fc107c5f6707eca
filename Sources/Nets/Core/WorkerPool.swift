import Foundation
import Synchronization

/// One parallel piece of work, split into parts that `WorkerPool.run` runs
/// concurrently. Parts must write disjoint memory. A job is a plain struct of
/// pointers and sizes, so handing it to the workers allocates nothing.
public protocol ParallelJob {
    /// Computes part `part` (0 <= part < the `parts` given to `run`).
    func run(part: Int)
}

extension ParallelJob {
    /// Runs part `part` of the job stored at `job` (how workers reach a job of any type).
    static func run(at job: UnsafeRawPointer, part: Int) {
        job.assumingMemoryBound(to: Self.self).pointee.run(part: part)
    }
}

/// A team of `size` threads, the caller plus `size - 1` persistent workers,
/// that runs the parts of one job at a time.
///
/// Contract:
/// - `run(_:parts:)` calls `job.run(part: p)` exactly once for every `p` in
///   `0..<parts` (`parts <= size`) and returns when all calls have returned.
///   Part 0 runs on the calling thread, part `p > 0` on worker `p`.
/// - Ordering: everything the caller wrote before `run` is visible to every
///   part, and everything a part wrote is visible to the caller after `run`
///   (release/acquire on the job word and the completion counter).
/// - `run` allocates nothing, and makes no system call while the workers are
///   awake and keep pace: the workers read the job through a pointer to the
///   caller's copy and its type, and the hand-off is one atomic job word and
///   one atomic completion counter. This keeps a training step free of heap
///   allocations (`concurrentPerform` allocated about four times per call, a
///   closure handed to threads at least once).
/// - Idle workers poll for `spinPolls` rounds (tens of microseconds), then
///   sleep on a condition variable until the next job, so an idle pool costs
///   no CPU and a busy one pays no wake-up latency between the products of a
///   training step.
/// - Not reentrant, not thread-safe: one calling thread at a time (each
///   `Workspace` owns its pool). Workers exit when the pool is deinitialised.
public final class WorkerPool {
    /// Threads that run parts, the caller included (at least 1).
    public let size: Int
    private let shared: PoolShared

    /// Polls of the job word before an idle worker goes to sleep (and of the
    /// completion counter before the caller starts yielding its core).
    static let spinPolls = 40_000

    /// `size` is clamped to 1...255 (a job's part count travels in 8 bits).
    public init(size: Int) {
        self.size = min(255, max(1, size))
        shared = PoolShared()
        for worker in 1..<self.size {
            let shared = shared
            let thread = Thread { shared.workerLoop(part: worker) }
            thread.name = "nets-worker-\(worker)"
            thread.start()
        }
    }

    deinit { shared.stop() }

    /// Runs part 0 of `job` here and parts 1..<parts on the workers; see the contract.
    public func run<Job: ParallelJob>(_ job: Job, parts: Int) {
        precondition(parts <= size, "WorkerPool.run: \(parts) parts for \(size) threads")
        guard parts > 1 else {
            if parts == 1 { job.run(part: 0) }
            return
        }
        withUnsafePointer(to: job) { pointer in
            shared.start(UnsafeRawPointer(pointer), Job.self, parts: parts)
            job.run(part: 0)
            shared.waitForWorkers()
        }
    }

    /// Parts for `count` items in blocks of `block`: one per thread, at most one per block.
    public func parts(count: Int, block: Int) -> Int {
        min(size, (count + block - 1) / block)
    }

    /// Part `p` of `parts` over `0..<count` in whole blocks of `block` (the last
    /// block may be short); parts differ by at most one block.
    public static func range(_ p: Int, of parts: Int, count: Int, block: Int) -> Range<Int> {
        let blocks = (count + block - 1) / block
        let b0 = p * blocks / parts, b1 = (p + 1) * blocks / parts
        return min(b0 * block, count)..<min(b1 * block, count)
    }
}

/// The state the caller and the workers share.
///
/// `word` announces each job: a sequence number in the high bits and the job's
/// part count in the low 8 (0 means "stop"), so a worker reads both in one
/// atomic load and a worker that sits a job out never touches `job`/`jobType`
/// (which the caller may already be rewriting for the next job). Those two are
/// written before the word (release) and read by the job's workers after it
/// (acquire); the caller does not change them until every part has reported.
private final class PoolShared: @unchecked Sendable {
    let word = Atomic<Int>(0)
    let pending = Atomic<Int>(0)
    let sleepers = Atomic<Int>(0)
    var sequence = 0  // the caller's alone
    var job: UnsafeRawPointer?
    var jobType: (any ParallelJob.Type)?
    let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition); pthread_mutex_destroy(mutex)
        condition.deallocate(); mutex.deallocate()
    }

    func start(_ job: UnsafeRawPointer, _ type: any ParallelJob.Type, parts: Int) {
        self.job = job
        jobType = type
        pending.store(parts - 1, ordering: .relaxed)
        publish(parts: parts)
    }

    /// Announces a job (or the stop, `parts` 0) and wakes sleeping workers.
    /// Sequentially consistent with a worker's "count myself asleep, then
    /// re-check the word", so a worker either sees the new word or is counted
    /// and woken (no lost wake-up).
    private func publish(parts: Int) {
        sequence += 1
        word.store(sequence << 8 | parts, ordering: .sequentiallyConsistent)
        if sleepers.load(ordering: .sequentiallyConsistent) > 0 {
            pthread_mutex_lock(mutex)
            pthread_cond_broadcast(condition)
            pthread_mutex_unlock(mutex)
        }
    }

    func waitForWorkers() {
        var polls = 0
        while pending.load(ordering: .acquiring) > 0 {
            polls += 1
            if polls > WorkerPool.spinPolls { sched_yield() }  // a descheduled worker: give it the core
        }
        job = nil
        jobType = nil
    }

    func stop() { publish(parts: 0) }

    func workerLoop(part: Int) {
        var seen = 0
        while true {
            var polls = 0
            var current = word.load(ordering: .acquiring)
            while current == seen {
                polls += 1
                if polls < WorkerPool.spinPolls {
                    current = word.load(ordering: .acquiring)
                    continue
                }
                pthread_mutex_lock(mutex)
                sleepers.wrappingAdd(1, ordering: .sequentiallyConsistent)
                current = word.load(ordering: .sequentiallyConsistent)
                while current == seen {
                    pthread_cond_wait(condition, mutex)
                    current = word.load(ordering: .sequentiallyConsistent)
                }
                sleepers.wrappingSubtract(1, ordering: .relaxed)
                pthread_mutex_unlock(mutex)
                polls = 0
            }
            seen = current
            let parts = current & 0xff
            if parts == 0 { return }
            guard part < parts, let job, let jobType else { continue }
            jobType.run(at: job, part: part)
            pending.wrappingSubtract(1, ordering: .releasing)
        }
    }
}
