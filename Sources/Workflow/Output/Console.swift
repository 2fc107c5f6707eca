import Foundation

/// Thread-safe line output. Progress lines are transient (`\r` + clear line) on
/// a terminal and dropped otherwise, rate-limited to ten per second.
public final class Console: @unchecked Sendable {
    private let lock = NSLock()
    public let isTerminal: Bool
    public let verbose: Bool
    private var progressShown = false
    private var lastProgress = Date.distantPast

    public init(verbose: Bool = false, isTerminal: Bool = isatty(STDOUT_FILENO) != 0) {
        self.verbose = verbose
        self.isTerminal = isTerminal
    }

    public func line(_ text: String) {
        lock.lock(); defer { lock.unlock() }
        clearProgress()
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    public func error(_ text: String) {
        lock.lock(); defer { lock.unlock() }
        clearProgress()
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    public func progress(_ text: String) {
        guard isTerminal else { return }
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastProgress) >= 0.1 else { return }
        lastProgress = now
        FileHandle.standardOutput.write(Data("\r\u{1B}[K\(text)".utf8))
        progressShown = true
    }

    private func clearProgress() {
        if progressShown { FileHandle.standardOutput.write(Data("\r\u{1B}[K".utf8)); progressShown = false }
    }
}
