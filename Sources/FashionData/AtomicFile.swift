import Foundation

/// A file written under a temporary name in the destination's directory and
/// only renamed to the final name by `commit()`, after an fsync of the file and
/// then of the directory. Until `commit()` the final name is untouched; a
/// writer dropped without committing removes its temporary file, so a failure
/// never leaves a partial file under the final name.
///
/// Threading: one writer per value, used from one thread.
final class AtomicFile {
    let destination: URL
    let temporaryPath: String
    private(set) var fd: Int32
    private var committed = false

    init(destination: URL) throws {
        self.destination = destination
        let dir = destination.deletingLastPathComponent().path
        // mkstemp gives a unique name even when several processes fetch at once.
        var template = Array("\(dir)/.\(destination.lastPathComponent).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw FashionDataError.io(path: destination.path, operation: "create a temporary file in \(dir)", errno: errno)
        }
        self.fd = fd
        self.temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    deinit {
        if fd >= 0 { close(fd) }
        if !committed { unlink(temporaryPath) }
    }

    /// Appends all of `bytes`, retrying short writes and EINTR.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let n = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw FashionDataError.io(path: temporaryPath, operation: "write", errno: errno)
            }
            offset += n
        }
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Rewinds to the start and empties the file (for a retry).
    func reset() throws {
        guard ftruncate(fd, 0) == 0, lseek(fd, 0, SEEK_SET) == 0 else {
            throw FashionDataError.io(path: temporaryPath, operation: "truncate", errno: errno)
        }
    }

    /// fsyncs the data, renames it over the destination, fsyncs the directory.
    func commit() throws {
        guard fsync(fd) == 0 else {
            throw FashionDataError.io(path: temporaryPath, operation: "fsync", errno: errno)
        }
        close(fd)
        fd = -1
        guard rename(temporaryPath, destination.path) == 0 else {
            throw FashionDataError.io(path: destination.path, operation: "rename \(temporaryPath) into place", errno: errno)
        }
        committed = true
        // The rename is durable only once the directory entry is on disk.
        let dirfd = open(destination.deletingLastPathComponent().path, O_RDONLY)
        if dirfd >= 0 { _ = fsync(dirfd); close(dirfd) }
    }
}
