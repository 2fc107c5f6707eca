import Foundation

/// Reads a whole small file with open/fstat/read: nil when it cannot be opened
/// or read. Not atomic against a concurrent writer (callers read files that are
/// replaced by rename, so they see the old bytes or the new).
///
/// Why: a no-op run reads one run record per stage, and
/// FileManager.contents(atPath:) costs several extra stats and copies per file.
enum FileBytes {
    static func read(_ path: String) -> Data? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: max(Int(st.st_size), 0))
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: 4096)) }  // the file grew
            let n = bytes.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { break }
            filled += n
        }
        return Data(bytes[0..<filled])
    }
}
