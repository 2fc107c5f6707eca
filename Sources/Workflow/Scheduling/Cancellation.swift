import Foundation

/// A request to stop one run: its token, made with the run's `RunOptions` and
/// carried to everything working for it (the scheduler, the executor, each
/// `StageContext`, the Slurm monitor). Nothing is process-wide: another run, in
/// the same process, has its own token and is not affected.
///
/// Contract:
/// - Who sets it: whoever started the run (the CLI's SIGINT/SIGTERM handler,
///   a test) calls `request()`, from any thread, any number of times. It
///   cannot be withdrawn: a cancelled run is over; the next run gets a new token.
/// - Who polls it: the executor starts nothing new once it is set and
///   publishes nothing that ends after it; a long-running kind (a shell
///   command, training between epochs) reads `isRequested` and stops early,
///   leaving no output (the engine discards what it wrote).
/// - Who is woken: actions given to `whenRequested` run once, on the thread
///   that makes the first request (or at once, if it was already made); the
///   executor uses this to wake its waiting loop.
/// - Thread-safety: every member may be used from any thread.
public final class Cancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var requested = false
    private var actions: [@Sendable () -> Void] = []

    public init() {}

    public var isRequested: Bool { lock.lock(); defer { lock.unlock() }; return requested }

    /// Asks the run to stop; the first call runs the `whenRequested` actions.
    public func request() {
        lock.lock()
        guard !requested else { lock.unlock(); return }
        requested = true
        let run = actions
        actions = []
        lock.unlock()
        for a in run { a() }
    }

    /// Runs `action` once the run is cancelled (now, if it already is).
    public func whenRequested(_ action: @escaping @Sendable () -> Void) {
        lock.lock()
        if requested { lock.unlock(); action(); return }
        actions.append(action)
        lock.unlock()
    }
}
