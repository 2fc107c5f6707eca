import CZlib
import Foundation
import Support
import Hashing

/// Streaming gzip decompression through zlib.
///
/// The input is read in 64 KiB chunks and inflated into a 256 KiB buffer, so
/// memory use is fixed whatever the file size; the output is hashed (SHA-256)
/// as it is produced. Multi-member gzip files (concatenated members, as
/// `cat a.gz b.gz` makes) decompress to the concatenation of their members;
/// any other bytes after a complete member are rejected as trailing garbage.
/// Threading: every call is independent; no shared state.
public enum Gunzip {
    static let inputChunk = 64 << 10
    static let outputChunk = 256 << 10

    /// Streams `source` (.gz) into `destination` atomically (temp file, fsync,
    /// rename); returns the SHA-256 hex and byte count of the output. On any
    /// error nothing is left under `destination`'s name.
    public static func decompress(_ source: URL, to destination: URL, displayName: String) throws -> (sha256: String, bytes: Int) {
        try mappingIOErrors {
            let out = try AtomicFile(destination: destination)
            let result = try digest(source, displayName: displayName) { try out.write($0) }
            try out.commit()
            return result
        }
    }

    /// Decompresses `source` and hands each chunk of output to `sink` (if any),
    /// returning the SHA-256 hex and byte count of the whole output.
    public static func digest(_ source: URL, displayName: String,
                              sink: ((UnsafeRawBufferPointer) throws -> Void)? = nil) throws -> (sha256: String, bytes: Int) {
        let fd = open(source.path, O_RDONLY)
        guard fd >= 0 else { throw FashionDataError.io(path: source.path, operation: "open for reading", errno: errno) }
        defer { close(fd) }
        let hasher = SHA256Hasher()
        let bytes = try inflate(fd: fd, path: source.path, displayName: displayName) { chunk in
            hasher.update(chunk)
            try sink?(chunk)
        }
        return (hasher.finalize().hex, bytes)
    }

    /// The inflate loop proper; returns the number of bytes produced.
    static func inflate(fd: Int32, path: String, displayName: String,
                        sink: (UnsafeRawBufferPointer) throws -> Void) throws -> Int {
        var stream = z_stream()
        // 16 + MAX_WBITS: expect a gzip wrapper (and check its CRC-32 and length).
        guard inflateInit2_(&stream, 16 + MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw FashionDataError.corruptGzip(name: displayName, message: "zlib could not initialise")
        }
        defer { inflateEnd(&stream) }

        let input = UnsafeMutablePointer<UInt8>.allocate(capacity: inputChunk)
        let output = UnsafeMutablePointer<UInt8>.allocate(capacity: outputChunk)
        defer { input.deallocate(); output.deallocate() }

        var totalRead = 0          // bytes of the .gz read so far
        var totalOut = 0           // bytes of output produced so far
        var memberStart = 0        // input offset where the current member began
        var outAtMemberStart = 0
        var atEOF = false

        /// Reads the next chunk when zlib has used up the last one.
        func refill() throws {
            while stream.avail_in == 0 && !atEOF {
                let n = read(fd, input, inputChunk)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw FashionDataError.io(path: path, operation: "read", errno: errno)
                }
                if n == 0 { atEOF = true } else {
                    totalRead += n
                    stream.next_in = input
                    stream.avail_in = uInt(n)
                }
            }
        }

        while true {
            try refill()
            if stream.avail_in == 0 && atEOF {
                // Input ended inside a member (or the file was empty).
                if memberStart > 0 && totalOut == outAtMemberStart {
                    throw FashionDataError.trailingGarbage(name: displayName, offset: memberStart)
                }
                throw FashionDataError.truncatedGzip(name: displayName, outputBytes: totalOut)
            }

            stream.next_out = output
            stream.avail_out = uInt(outputChunk)
            let status = CZlib.inflate(&stream, Z_NO_FLUSH)
            let produced = outputChunk - Int(stream.avail_out)
            if produced > 0 {
                try sink(UnsafeRawBufferPointer(start: output, count: produced))
                totalOut += produced
            }

            switch status {
            case Z_OK, Z_BUF_ERROR:
                continue   // Z_BUF_ERROR here only means "need more input".
            case Z_STREAM_END:
                // A member is complete. More input means another member or garbage.
                try refill()
                if stream.avail_in == 0 && atEOF { return totalOut }
                memberStart = totalRead - Int(stream.avail_in)
                outAtMemberStart = totalOut
                // A following member must start with the gzip magic 1f 8b.
                if stream.next_in[0] != 0x1f {
                    throw FashionDataError.trailingGarbage(name: displayName, offset: memberStart)
                }
                guard inflateReset(&stream) == Z_OK else {
                    throw FashionDataError.corruptGzip(name: displayName, message: "zlib could not reset for the next member")
                }
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                // An unreadable header right after a complete member is garbage, not a member.
                if memberStart > 0 && totalOut == outAtMemberStart {
                    throw FashionDataError.trailingGarbage(name: displayName, offset: memberStart)
                }
                throw FashionDataError.corruptGzip(name: displayName, message: message)
            }
        }
    }
}
