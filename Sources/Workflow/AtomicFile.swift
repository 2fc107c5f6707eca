import Foundation

/// Durable writes: temp file in the same folder, fsync, rename, fsync the folder.
/// A reader sees the old content or the new, never a mix; a crash leaves at most
/// a `.tmp-` file behind. With `durable: false` the two fsyncs are left to the
/// caller (who syncs a whole batch at once): still atomic for readers, but a
/// power cut may lose the file or leave it empty.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL, mode: mode_t = 0o644, durable: Bool = true) throws {
        let dir = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let tmp = dir.appendingPathComponent(".tmp-\(url.lastPathComponent)-\(getpid())-\(UUID().uuidString.prefix(8))")
        let fd = open(tmp.path, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard fd >= 0 else { throw EngineError("\(tmp.path): cannot create: \(String(cString: strerror(errno)))") }
        var ok = false
        defer { if !ok { unlink(tmp.path) } }
        do { try writeAll(data, to: fd, name: tmp.path) } catch { close(fd); throw error }
        if durable { fsync(fd) }
        close(fd)
        guard rename(tmp.path, url.path) == 0 else { throw EngineError("\(url.path): rename failed: \(String(cString: strerror(errno)))") }
        ok = true
        if durable { syncDirectory(dir) }
    }

    /// Writes every byte of `data` to `fd` (retrying short writes and EINTR); errors name `name`.
    static func writeAll(_ data: Data, to fd: Int32, name: String) throws {
        try data.withUnsafeBytes { buf in
            var off = 0
            while off < buf.count {
                let n = Foundation.write(fd, buf.baseAddress! + off, buf.count - off)
                if n < 0 { if errno == EINTR { continue }; throw EngineError("\(name): write failed: \(String(cString: strerror(errno)))") }
                off += n
            }
        }
    }

    /// fsync a folder so a rename into it survives a power cut.
    public static func syncDirectory(_ dir: URL) {
        let fd = open(dir.path, O_RDONLY)
        if fd >= 0 { fsync(fd); close(fd) }
    }
}
