import Foundation

/// The cores the scheduler has given one running stage: set when it starts,
/// raised by the scheduler when cores free up (never lowered during the run),
/// read by the stage through `StageContext.threads`. Thread-safe.
final class ThreadShare: @unchecked Sendable {
    private let cond = NSCondition()
    private var value: Int

    init(_ count: Int) { value = max(1, count) }

    var count: Int { cond.lock(); defer { cond.unlock() }; return value }

    func grow(by extra: Int) { cond.lock(); value += max(0, extra); cond.broadcast(); cond.unlock() }

    /// Blocks until the count is at least `n` (true) or `timeout` seconds pass
    /// (false): lets a test see a lend as an event instead of polling for it.
    func wait(untilAtLeast n: Int, timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        cond.lock(); defer { cond.unlock() }
        while value < n { if !cond.wait(until: deadline) { return value >= n } }
        return true
    }
}
