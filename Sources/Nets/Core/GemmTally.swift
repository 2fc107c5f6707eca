import Foundation
import Synchronization

/// Wall time of every `BLAS.gemm` call, per shape, while switched on: where a
/// step's products spend their time, on one thread and on two (`make bench`
/// prints the two side by side). Off by default; then a call costs one load.
///
/// Contract:
/// - `start()` and `stop()` are called while no pass runs (they are not
///   ordered with calls on other threads otherwise); `record` may run on any
///   thread at once (one lock per call, about 14 calls per training step).
/// - A shape's first call allocates its entry: switch the tally on only
///   outside allocation counts.
/// - Times are per call, summed over threads, so with two threads at work
///   they are CPU time in products, not wall time of the step.
public enum GemmTally {
    /// One product's shape, as `BLAS.gemm` takes it.
    public struct Shape: Hashable, Sendable, CustomStringConvertible {
        public var m: Int, n: Int, k: Int, transA: Bool, transB: Bool
        public init(m: Int, n: Int, k: Int, transA: Bool, transB: Bool) {
            self.m = m; self.n = n; self.k = k; self.transA = transA; self.transB = transB
        }
        public var description: String { "\(m)x\(n)x\(k) \(transA ? "T" : "N")\(transB ? "T" : "N")" }
    }

    /// Summed seconds and calls of one shape.
    public struct Entry: Sendable, Equatable {
        public var seconds: Double = 0
        public var calls = 0
        public init(seconds: Double = 0, calls: Int = 0) { self.seconds = seconds; self.calls = calls }
        public mutating func add(_ other: Entry) { seconds += other.seconds; calls += other.calls }
    }

    static let enabled = Atomic<Bool>(false)
    private static let entries = Mutex<[Shape: Entry]>([:])

    /// Clears the tally and starts counting.
    public static func start() {
        entries.withLock { $0.removeAll(keepingCapacity: true) }
        enabled.store(true, ordering: .releasing)
    }

    /// Stops counting and returns what was counted since `start`.
    @discardableResult
    public static func stop() -> [Shape: Entry] {
        enabled.store(false, ordering: .releasing)
        return entries.withLock { $0 }
    }

    @inline(__always) static var isOn: Bool { enabled.load(ordering: .relaxed) }

    static func record(_ shape: Shape, nanoseconds: UInt64) {
        entries.withLock { $0[shape, default: Entry()].add(Entry(seconds: Double(nanoseconds) * 1e-9, calls: 1)) }
    }
}
