import Foundation

/// The cores the scheduler has given one running stage: set when it starts,
/// raised by the scheduler when cores free up (never lowered during the run),
/// read by the stage through `StageContext.threads`. Thread-safe.
final class ThreadShare: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int

    init(_ count: Int) { value = max(1, count) }

    var count: Int { lock.lock(); defer { lock.unlock() }; return value }

    func grow(by extra: Int) { lock.lock(); value += max(0, extra); lock.unlock() }
}
