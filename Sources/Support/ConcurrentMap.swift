import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map(transform)` spread over the machine's cores in contiguous chunks of
    /// at least `minimumChunk` elements: the same results in the same order as
    /// the plain `map`, which it is when there is too little work to share.
    ///
    /// Threading: `transform` runs concurrently on several threads, each element
    /// exactly once; it must be safe to call that way. Returns when every chunk is done.
    public func concurrentMap<T: Sendable>(minimumChunk: Int, _ transform: @Sendable (Element) -> T) -> [T] {
        let chunks = Swift.min(count / Swift.max(minimumChunk, 1), 4 * ProcessInfo.processInfo.activeProcessorCount)
        guard chunks > 1 else { return map(transform) }
        let parts = ChunkResults<T>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            parts.set(c, self[count * c / chunks ..< count * (c + 1) / chunks].map(transform))
        }
        return parts.joined
    }
}

/// One slot per chunk of a concurrent loop, each written once.
private final class ChunkResults<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [[T]]
    init(count: Int) { parts = Array(repeating: [], count: count) }
    func set(_ i: Int, _ part: [T]) { lock.lock(); parts[i] = part; lock.unlock() }
    var joined: [T] { lock.lock(); defer { lock.unlock() }; return parts.flatMap { $0 } }
}
