import Foundation

/// A value computed on first use, at most once, then shared. Thread-safe: the
/// first caller computes under a lock, later callers read the stored value.
///
/// Why: probing a kind's Params fields costs a runtime-reflection decode per
/// kind; a run needs it only for the kinds its pipeline uses.
final class LazyValue<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: T?
    private let make: @Sendable () -> T

    init(_ make: @escaping @Sendable () -> T) { self.make = make }

    var get: T {
        lock.lock(); defer { lock.unlock() }
        if let v = value { return v }
        let v = make()
        value = v
        return v
    }
}
