import Foundation

/// A file written under a temporary name beside its destination and renamed
/// over it only by `commit()`: a reader sees the old content or the new, never
/// a mix, and a failure never leaves a partial file under the final name.
///
/// Contract: the temporary file is `.tmp-<name>-<pid>-<id>` in the
/// destination's folder (the engine sweeps such leftovers of dead processes).
/// `commit()` fsyncs and closes the file, renames it, then fsyncs the folder;
/// every one of those results, and every write's, is checked and thrown as a
/// `SystemCallError`. A writer dropped without a successful `commit()` closes
/// and removes its temporary file.
///
/// Threading: one writer per value, used from one thread at a time.
public final class AtomicFile {
    public let destination: URL
    public let temporaryPath: String
    private var fd: Int32
    private var committed = false

    /// Creates the temporary file (the destination's folder must exist), with
    /// permissions `mode` less the umask.
    public init(destination: URL, mode: mode_t = 0o644) throws {
        self.destination = destination
        let dir = destination.deletingLastPathComponent().path
        var path = "", fd: Int32 = -1
        repeat {  // O_EXCL: a name taken by another writer is retried under a new id
            path = "\(dir)/.tmp-\(destination.lastPathComponent)-\(getpid())-\(UUID().uuidString.prefix(8))"
            fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        } while fd < 0 && errno == EEXIST
        guard fd >= 0 else { throw SystemCallError(path: path, operation: "create", code: errno) }
        self.fd = fd
        temporaryPath = path
    }

    deinit {
        if fd >= 0 { close(fd) }
        if !committed { unlink(temporaryPath) }
    }

    /// Appends all of `bytes`.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        try writeAll(fd, bytes, path: temporaryPath)
    }

    /// Appends all of `bytes`.
    public func write<D: DataProtocol>(_ bytes: D) throws {
        try writeAll(fd, bytes, path: temporaryPath)
    }

    /// Rewinds to the start and empties the file (for a retry).
    public func reset() throws {
        guard ftruncate(fd, 0) == 0, lseek(fd, 0, SEEK_SET) == 0 else {
            throw SystemCallError(path: temporaryPath, operation: "truncate", code: errno)
        }
    }

    /// fsyncs and closes the file, renames it over the destination, fsyncs the folder.
    /// After a throw from the folder's fsync the new content is in place but may not survive a power cut.
    /// With `durable: false` both fsyncs are left to the caller (who syncs a batch at once):
    /// still atomic for readers, but a power cut may lose the file or leave it empty.
    public func commit(durable: Bool = true) throws {
        let fd = self.fd
        self.fd = -1
        if durable { try FileSync.sync(fd, path: temporaryPath, isFolder: false) } else { try FileSync.closeChecked(fd, path: temporaryPath) }
        guard rename(temporaryPath, destination.path) == 0 else {
            throw SystemCallError(path: destination.path, operation: "rename \(temporaryPath) into place", code: errno)
        }
        committed = true
        if durable { try FileSync.directory(destination.deletingLastPathComponent().path) }
    }

    /// Replaces the file at `url` with `data` atomically, creating its folder if needed
    /// (`durable` as in `commit`).
    public static func write<D: DataProtocol>(_ data: D, to url: URL, mode: mode_t = 0o644, durable: Bool = true) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let file = try AtomicFile(destination: url, mode: mode)
        try file.write(data)
        try file.commit(durable: durable)
    }
}
