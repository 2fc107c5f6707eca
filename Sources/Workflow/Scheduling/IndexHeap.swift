/// A min-heap of stage indices, so "the earliest stage in pipeline order that
/// can go" costs O(log n) rather than a scan of every waiting stage.
///
/// Duplicates are kept (callers skip entries that went stale). Not thread-safe.
struct IndexHeap: Sendable {
    private var items: [Int] = []

    init() {}

    init<S: Sequence>(_ values: S) where S.Element == Int {
        items = Array(values)
        var i = items.count / 2 - 1
        while i >= 0 { siftDown(i); i -= 1 }
    }

    var isEmpty: Bool { items.isEmpty }
    var count: Int { items.count }
    /// The smallest index, without removing it.
    var min: Int? { items.first }

    mutating func push(_ value: Int) {
        items.append(value)
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard items[i] < items[parent] else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    /// Removes and returns the smallest index.
    @discardableResult
    mutating func popMin() -> Int? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty { items[0] = last; siftDown(0) }
        return first
    }

    private mutating func siftDown(_ start: Int) {
        var i = start
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < items.count && items[l] < items[m] { m = l }
            if r < items.count && items[r] < items[m] { m = r }
            if m == i { return }
            items.swapAt(i, m)
            i = m
        }
    }
}
