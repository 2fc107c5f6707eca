import Foundation

/// An advisory `flock(2)` lock on one file, plus the holder's note
/// (`{"host", "pid", "started", …}`) written into that file for messages.
///
/// The kernel drops the lock when its holder dies (SIGKILL included), so no
/// stale-lock detection is needed. Locks belong to an open file description:
/// two `FileLock`s on one path conflict even inside one process. The file is
/// opened with O_CLOEXEC so a stage's child processes never inherit (and
/// outlive us holding) the lock. On NFS, Linux maps flock to fcntl byte-range
/// locks, which work when the server runs a lock manager (NFSv4, or lockd).
///
/// Not thread-safe: one owner thread at a time.
public final class FileLock: @unchecked Sendable {
    public enum Mode: Sendable { case shared, exclusive }

    public let path: String
    private var fd: Int32 = -1

    public init(path: String) { self.path = path }

    public var isHeld: Bool { fd >= 0 }

    /// One non-blocking attempt; true when the lock is now held. With
    /// `removable`, checks after locking that `path` still names the locked
    /// file, since a previous holder may have unlinked it (see `release`).
    public func tryLock(_ mode: Mode, removable: Bool = false) throws -> Bool {
        if fd >= 0 { return true }
        while true {
            let f = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard f >= 0 else { throw EngineError("\(path): cannot open lock file: \(String(cString: strerror(errno)))") }
            if flock(f, (mode == .shared ? LOCK_SH : LOCK_EX) | LOCK_NB) != 0 {
                let e = errno
                close(f)
                if e == EWOULDBLOCK || e == EINTR { return false }
                throw EngineError("\(path): cannot lock: \(String(cString: strerror(e)))")
            }
            if removable {
                var a = stat(), b = stat()
                guard fstat(f, &a) == 0, stat(path, &b) == 0, a.st_dev == b.st_dev, a.st_ino == b.st_ino else {
                    close(f)  // we locked a file already unlinked by its previous holder: retry on the new one
                    continue
                }
            }
            fd = f
            return true
        }
    }

    /// Waits (polling every 50 ms) until the lock is held. `busy` is called
    /// once, on the first failed attempt; `interrupted` is polled and, when it
    /// returns true, the wait ends with `FileLock.Interrupted`.
    public func lock(_ mode: Mode, busy: () -> Void = {}, interrupted: () -> Bool = { false }) throws {
        var announced = false
        while try !tryLock(mode) {
            if !announced { busy(); announced = true }
            if interrupted() { throw Interrupted(path: path) }
            usleep(50_000)
        }
    }

    /// Replaces the file's content with `note` (only meaningful under an exclusive lock).
    public func writeNote(_ note: JSONValue) {
        guard fd >= 0 else { return }
        let data = CanonicalJSON.data(note)
        ftruncate(fd, 0)
        _ = data.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    /// Empties the file (a holder's note must not outlive its lock).
    public func clearNote() { if fd >= 0 { ftruncate(fd, 0) } }

    /// The note in the lock file at `path`, or nil when absent, empty or torn.
    public static func readNote(_ path: String) -> JSONValue? {
        guard let data = try? WholeFile.read(path), !data.isEmpty else { return nil }
        return try? JSONParser.parse(data)
    }

    /// Releases the lock. With `remove`, unlinks the file first (while still
    /// holding it), which is safe for waiters that lock with `removable`.
    public func release(remove: Bool = false) {
        guard fd >= 0 else { return }
        if remove { unlink(path) }
        close(fd)  // closing the last descriptor drops the flock
        fd = -1
    }

    deinit { release() }

    /// The note for this process: pid, host and start time, plus `extra` members.
    public static func note(_ extra: [(String, JSONValue)] = []) -> JSONValue {
        .object([("pid", .int(Int(getpid()))), ("host", .string(Store.hostName)), ("started", .string(Timestamp.now()))] + extra)
    }

    /// "pid P on HOST" from a note, or "another process" when there is none.
    public static func describe(_ note: JSONValue?) -> String {
        guard let note, let pid = note["pid"]?.intValue else { return "another process" }
        return "pid \(pid) on \(note["host"]?.stringValue ?? "?")"
    }

    public struct Interrupted: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "interrupted while waiting for the lock \(path)" }
    }
}
