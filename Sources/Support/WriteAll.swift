import Foundation

/// Writes every byte of `bytes` to `fd`, retrying short writes and EINTR.
/// Throws `SystemCallError(path: path, operation: "write", ...)` on the first
/// other failure; `path` only names the file in that error. Not atomic: a
/// failure can leave part of the bytes written (`AtomicFile` hides that).
public func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws {
    guard var next = bytes.baseAddress else { return }
    var left = bytes.count
    while left > 0 {
        let n = write(fd, next, left)
        if n < 0 {
            if errno == EINTR { continue }
            throw SystemCallError(path: path, operation: "write", code: errno)
        }
        next += n
        left -= n
    }
}

/// `writeAll` over each contiguous region of `bytes` (a `Data`, an array, ...).
public func writeAll<D: DataProtocol>(_ fd: Int32, _ bytes: D, path: String) throws {
    for region in bytes.regions {
        try region.withUnsafeBytes { try writeAll(fd, $0, path: path) }
    }
}
