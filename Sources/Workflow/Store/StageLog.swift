import Foundation

/// How a stage's latest run in this store ended, failed runs included:
/// `<store>/logs/last/<stage>.json`.
public struct StageAttempt: Sendable, Equatable {
    public enum Outcome: String, Sendable { case ok, failed, interrupted }
    public let stage: String
    public let key: String
    /// ISO 8601 UTC, when the run started and ended.
    public let started: String
    public let finished: String
    public let outcome: Outcome
    /// The error shown to the user, for a failed run.
    public let error: String?
    /// The command's exit status, when a command exited non-zero.
    public let exitStatus: Int32?
    /// The log file (absolute path).
    public let log: String

    var json: JSONValue {
        var m: [(key: String, value: JSONValue)] = [
            ("stage", .string(stage)), ("key", .string(key)), ("started", .string(started)), ("finished", .string(finished)),
            ("outcome", .string(outcome.rawValue)), ("log", .string(log)),
        ]
        if let error { m.append(("error", .string(error))) }
        if let exitStatus { m.append(("exit", .int(Int(exitStatus)))) }
        return .object(m)
    }

    init(stage: String, key: String, started: String, finished: String, outcome: Outcome, error: String?, exitStatus: Int32?, log: String) {
        self.stage = stage; self.key = key; self.started = started; self.finished = finished
        self.outcome = outcome; self.error = error; self.exitStatus = exitStatus; self.log = log
    }

    init?(json v: JSONValue) {
        guard let stage = v["stage"]?.stringValue, let key = v["key"]?.stringValue, let started = v["started"]?.stringValue,
              let finished = v["finished"]?.stringValue, let o = v["outcome"]?.stringValue, let outcome = Outcome(rawValue: o),
              let log = v["log"]?.stringValue else { return nil }
        self.init(stage: stage, key: key, started: started, finished: finished, outcome: outcome, error: v["error"]?.stringValue,
                  exitStatus: v["exit"]?.intValue.map { Int32($0) }, log: log)
    }

    /// One line for `status` and `show`: `last run failed at T: error (log: path)`.
    public var failureSummary: String? {
        guard outcome == .failed else { return nil }
        return "last run failed at \(finished): \(error ?? "failed") (log: \(log))"
    }

    /// The latest attempt of `stage` in `store`, or nil if none was recorded.
    public static func last(store: Store, stage: String) -> StageAttempt? {
        guard let data = try? WholeFile.read(StageLog.noteURL(store: store, stage: stage).path),
              let json = try? JSONParser.parse(data) else { return nil }
        return StageAttempt(json: json)
    }
}

/// The log of one stage run: every line the stage printed (its `log` lines and
/// its command's stdout and stderr), kept at `<store>/logs/<key>.log` beside
/// the run record `runs/<key>.json`; a rerun of the same key replaces it.
/// `finish` records how the run ended in `logs/last/<stage>.json` (atomic, not
/// fsynced: after a power cut the note may be missing or older; logs are diagnostics).
///
/// Thread-safe: lines may come from any thread; each is one unbuffered write,
/// so a killed run's log holds every line printed before it died.
public final class StageLog: @unchecked Sendable {
    public let url: URL
    let stage: String
    let key: String
    let store: Store
    private let started = Date()
    private let lock = NSLock()
    private var fd: Int32

    static func logURL(store: Store, key: String) -> URL { store.root.appendingPathComponent("logs/\(key).log") }
    static func noteURL(store: Store, stage: String) -> URL { store.root.appendingPathComponent("logs/last/\(stage).json") }

    /// Opens (truncates) the log of `key`. A log that cannot be opened is not an
    /// error: the run goes on and its lines are only shown.
    init(store: Store, stage: String, key: String) {
        self.store = store; self.stage = stage; self.key = key
        url = Self.logURL(store: store, key: key)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o644)
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Appends one line (a newline is added).
    func write(_ line: String) {
        lock.lock(); defer { lock.unlock() }
        guard fd >= 0 else { return }
        // A log that cannot be written (disk full) must not fail the stage: the line is still shown.
        try? writeAll(fd, Array((line + "\n").utf8), path: url.path)
    }

    /// Runs `body` (the stage and its publishing), then records how it ended:
    /// interrupted when the run's `cancellation` was requested meanwhile, else ok or failed.
    func recording<T>(cancellation: Cancellation, _ body: () throws -> T) throws -> T {
        do {
            let result = try body()
            finish(error: nil, interrupted: false)
            return result
        } catch {
            finish(error: error, interrupted: cancellation.isRequested)
            throw error
        }
    }

    /// Removes logs whose key is neither kept (by gc) nor some stage's last run.
    static func collect(store: Store, keep: Set<String>) {
        let dir = store.root.appendingPathComponent("logs")
        let last = dir.appendingPathComponent("last")
        var referenced = keep
        for name in (try? FileManager.default.contentsOfDirectory(atPath: last.path)) ?? [] where name.hasSuffix(".json") {
            if let data = try? WholeFile.read(last.appendingPathComponent(name).path), let json = try? JSONParser.parse(data),
               let key = json["key"]?.stringValue { referenced.insert(key) }
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] where name.hasSuffix(".log") {
            if !referenced.contains(String(name.dropLast(4))) { unlink(dir.appendingPathComponent(name).path) }
        }
    }

    /// Closes the log and records the outcome (`error` nil: success).
    func finish(error: Error?, interrupted: Bool) {
        lock.lock()
        if fd >= 0 { close(fd); fd = -1 }
        lock.unlock()
        let outcome: StageAttempt.Outcome = interrupted ? .interrupted : error == nil ? .ok : .failed
        let attempt = StageAttempt(stage: stage, key: key, started: Timestamp.string(started), finished: Timestamp.now(), outcome: outcome,
                                   error: outcome == .failed ? error.map { "\($0)" } : nil,
                                   exitStatus: outcome == .failed ? (error as? StageError)?.exitStatus : nil, log: url.path)
        // Not durable: the note is a diagnostic no run record names, so it need not survive a power cut
        // (the fsyncs of file and folder were two per stage); a later group sync of the store flushes it.
        try? AtomicFile.write(CanonicalJSON.data(attempt.json, pretty: true), to: Self.noteURL(store: store, stage: stage), durable: false)
    }
}
