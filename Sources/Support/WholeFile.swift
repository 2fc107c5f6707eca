import Foundation

/// Reads a whole regular file with open/fstat/read: one allocation of the
/// file's size, no intermediate `Data` (a no-op run reads one run record per
/// stage, and `FileManager.contents(atPath:)` costs extra stats and copies).
///
/// Contract: returns every byte up to end of file, also when the file grew or
/// shrank between its stat and its read. Throws `SystemCallError` naming
/// `path` and the operation ("open for reading", "stat", "read"); a path that
/// is not a regular file is `read` failing with EISDIR (folder) or EINVAL (other).
/// Not atomic against a writer that changes the file in place; the project's
/// files are replaced by rename, so a reader sees the old bytes or the new.
public enum WholeFile {
    public static func read(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SystemCallError(path: path, operation: "open for reading", code: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw SystemCallError(path: path, operation: "stat", code: errno) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw SystemCallError(path: path, operation: "read", code: info.st_mode & S_IFMT == S_IFDIR ? EISDIR : EINVAL)
        }
        let size = max(Int(info.st_size), 0)
        var failure: Int32 = 0
        var atEnd = false
        // One byte more than fstat said: a read that does not fill it reached
        // the end, with no second buffer (most files did not grow) and no
        // second read (a regular file's read returns less than asked only at
        // its end; a no-op run reads one run record per stage).
        let capacity = size + 1
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            var offset = 0
            while offset < capacity {
                let n = Foundation.read(fd, buffer.baseAddress! + offset, capacity - offset)
                if n < 0 { if errno == EINTR { continue }; failure = errno; break }
                if n < capacity - offset { atEnd = true; offset += n; break }
                offset += n
            }
            initialized = offset
        }
        // The file grew since fstat: read on to its end.
        var chunk = [UInt8](repeating: 0, count: failure == 0 && !atEnd ? 4096 : 0)
        while failure == 0 && !atEnd {
            let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 { if errno == EINTR { continue }; failure = errno; break }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        if failure != 0 { throw SystemCallError(path: path, operation: "read", code: failure) }
        return bytes
    }

    /// `read`, but nil when there is no file at `path` (ENOENT), for the files
    /// that may be absent (a metrics file before its stage ran, a cache);
    /// any other failure (no permission, a folder, a read error) still throws.
    public static func readIfPresent(_ path: String) throws -> [UInt8]? {
        do { return try read(path) } catch let e as SystemCallError where e.code == ENOENT && e.operation == "open for reading" {
            return nil
        }
    }

    /// `read(url.path)`.
    public static func read(_ url: URL) throws -> [UInt8] { try read(url.path) }
}
