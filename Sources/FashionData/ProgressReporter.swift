import Foundation

/// Turns byte counts into progress lines for one transfer: one at the first
/// chunk received, then one each time another tenth of the known total (or, when the
/// total is unknown, another 8 MiB) has arrived. Thread-safe.
final class ProgressReporter: @unchecked Sendable {
    private let name: String
    private let source: String
    private let sink: @Sendable (String) -> Void
    private let lock = NSLock()
    private var nextReport = 0

    init(name: String, source: String, sink: @escaping @Sendable (String) -> Void) {
        self.name = name
        self.source = source
        self.sink = sink
    }

    func update(_ received: Int, of total: Int?) {
        let line: String? = lock.withLock {
            guard received >= nextReport else { return nil }
            let step = total.map { max($0 / 10, 1) } ?? 8 << 20
            nextReport = (received / step + 1) * step
            if let total, total > 0 {
                return "\(name): \(received) of \(total) bytes (\(received * 100 / total)%) from \(source)"
            }
            return "\(name): \(received) bytes from \(source)"
        }
        if let line { sink(line) }
    }
}
