import Foundation

/// The store-wide lock `<store>/gc.lock` (flock): every `run` holds it shared
/// for its whole duration, `verify` and `gc` hold it exclusive, so objects are
/// never collected or quarantined under a run that is about to reference them,
/// while any number of runs share the store.
///
/// An exclusive holder writes its note (pid, host, start) into the file so a
/// waiting run can name it; a shared holder empties any note left by a killed
/// exclusive holder. Waiting prints one message. The kernel releases the lock
/// of a dead process, so there is no stale-lock takeover.
public final class StoreLock: @unchecked Sendable {
    public let url: URL
    public let mode: FileLock.Mode
    private let file: FileLock

    public init(store: Store, mode: FileLock.Mode = .exclusive) {
        url = store.root.appendingPathComponent("gc.lock")
        self.mode = mode
        file = FileLock(path: url.path)
    }

    /// Takes the lock, waiting unless `wait` is false (then a busy lock is an
    /// error). `interrupted` is polled while waiting (throws `FileLock.Interrupted`).
    public func acquire(wait: Bool = true, interrupted: () -> Bool = { false }, message: (String) -> Void) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if try file.tryLock(mode) { return held() }
        guard wait else { throw EngineError("\(url.path): the store is locked by \(holder())") }
        try file.lock(mode, busy: { message("waiting for the store lock (\(url.path)) held by \(holder())") }, interrupted: interrupted)
        held()
    }

    private func held() {
        if mode == .exclusive { file.writeNote(FileLock.note()) } else { file.clearNote() }
    }

    /// Who holds the lock, as far as the note tells: a note means an exclusive
    /// holder (gc or verify); no note means runs share it.
    private func holder() -> String {
        let note = FileLock.readNote(url.path)
        if note == nil { return "a running pipeline run" }
        return FileLock.describe(note) + " since \(note?["started"]?.stringValue ?? "?") (gc or verify)"
    }

    public func release() {
        if file.isHeld && mode == .exclusive { file.clearNote() }
        file.release()
    }

    deinit { release() }
}
