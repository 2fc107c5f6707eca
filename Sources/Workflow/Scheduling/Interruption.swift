import Foundation

/// Process-wide "stop" flag set on SIGINT/SIGTERM. Long-running kinds (such as
/// `shell`) may poll it to end their work early; the scheduler starts nothing
/// new once it is set and publishes nothing that finishes after it.
public enum Interruption {
    private static let flag = Flag()
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
        func set() { lock.lock(); value = true; lock.unlock() }
    }

    public static var isRequested: Bool { flag.isSet }

    public static func request() { flag.set() }

    /// Routes SIGINT and SIGTERM to `request()` plus `then` (called on a private queue).
    public static func install(then: @escaping @Sendable () -> Void) {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let s = DispatchSource.makeSignalSource(signal: sig, queue: DispatchQueue(label: "pipeline.signal"))
            s.setEventHandler { request(); then() }
            s.resume()
            sources.append(s)
        }
    }
}
