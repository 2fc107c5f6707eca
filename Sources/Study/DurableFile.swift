import Foundation
import Workflow

/// Crash-safe replacement of a file: write a temp file beside it, fsync it,
/// rename it over the target, fsync the folder. A reader sees the old bytes or
/// the new ones, never a mix.
enum DurableFile {
    static func write(_ bytes: [UInt8], to url: URL) throws {
        let dir = url.deletingLastPathComponent()
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw StageError("cannot create \(temp.path): \(String(cString: strerror(errno)))") }
        var ok = true
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; ok = false; return }
                offset += n
            }
        }
        let err = errno
        if !ok || fsync(fd) != 0 {
            close(fd); unlink(temp.path)
            throw StageError("cannot write \(url.path): \(String(cString: strerror(ok ? errno : err)))")
        }
        close(fd)
        guard rename(temp.path, url.path) == 0 else {
            let e = errno; unlink(temp.path)
            throw StageError("cannot rename into \(url.path): \(String(cString: strerror(e)))")
        }
        let dfd = open(dir.path, O_RDONLY)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }
}
