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
}
