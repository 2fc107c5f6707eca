import Foundation
import Workflow

/// SIGINT and SIGTERM, turned into a request of the active run's `Cancellation`.
///
/// Contract: `route(to:)` makes `token` the one the next signal cancels (a
/// later call replaces it: one run at a time is active). The handlers are
/// installed on the first call and stay for the process's life; the signals'
/// default actions are then off (SIG_IGN), so a signal never kills the
/// process mid-write: the run stops at its next check and exits 130. A signal
/// with no token routed is ignored. Thread-safe.
enum StopSignals {
    private static let active = Active()
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    private static let installOnce: Void = {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let s = DispatchSource.makeSignalSource(signal: sig, queue: DispatchQueue(label: "pipeline.signal"))
            s.setEventHandler { active.token?.request() }
            s.resume()
            sources.append(s)
        }
    }()

    static func route(to token: Cancellation) {
        _ = installOnce
        active.token = token
    }

    private final class Active: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Cancellation?
        var token: Cancellation? {
            get { lock.lock(); defer { lock.unlock() }; return value }
            set { lock.lock(); value = newValue; lock.unlock() }
        }
    }
}
