import AllocationCount

/// Counts heap allocations of the whole process (see AllocationCount.c, which
/// wraps malloc and its siblings in this executable).
enum AllocationCounter {
    static var count: Int { Int(allocation_count()) }

    /// The allocations made while `body` runs (on any thread), and its result.
    static func counting<T>(_ body: () throws -> T) rethrows -> (allocations: Int, result: T) {
        let before = count
        let result = try body()
        return (count - before, result)
    }

    /// Allocations made by the calling thread since it started.
    static var threadCount: Int { Int(thread_allocation_count()) }

    /// The allocations made by the calling thread while `body` runs, and its result.
    static func countingOnThisThread<T>(_ body: () throws -> T) rethrows -> (allocations: Int, result: T) {
        let before = threadCount
        let result = try body()
        return (threadCount - before, result)
    }
}
