import Foundation

/// Reads a whole file into one byte array with POSIX calls (one allocation, no
/// intermediate `Data`), naming the path and the failing call on error.
func readWholeFile(_ url: URL) throws -> [UInt8] {
    let path = url.path
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw FashionDataError.io(path: path, operation: "open for reading", errno: errno) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw FashionDataError.io(path: path, operation: "stat", errno: errno) }
    let size = Int(info.st_size)
    var failure: Int32 = 0
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
        var offset = 0
        while offset < size {
            let n = read(fd, buffer.baseAddress! + offset, size - offset)
            if n < 0 { if errno == EINTR { continue }; failure = errno; break }
            if n == 0 { break }   // The file shrank while we read; keep what we have.
            offset += n
        }
        initialized = offset
    }
    if failure != 0 { throw FashionDataError.io(path: path, operation: "read", errno: failure) }
    return bytes
}
