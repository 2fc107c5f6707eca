import CZlib
import Foundation

/// In-memory deflate compression through zlib, in gzip or zlib framing.
///
/// Deterministic: the same bytes, level and zlib build give the same output
/// (zlib writes mtime 0 and no file name into the gzip header). Used to make
/// test fixtures (.gz files) and PNG image data.
public enum Deflate {
    public enum Framing: Sendable {
        /// RFC 1952 gzip: header, deflate data, CRC-32, length.
        case gzip
        /// RFC 1950 zlib: as PNG's IDAT chunks require.
        case zlib
    }

    public static func compress(_ bytes: [UInt8], framing: Framing = .gzip, level: Int32 = 9) -> [UInt8] {
        var stream = z_stream()
        let windowBits = framing == .gzip ? 16 + MAX_WBITS : MAX_WBITS
        // Fails only for invalid parameters or out-of-memory; neither depends on the data.
        let initStatus = deflateInit2_(&stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY,
                                       zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        precondition(initStatus == Z_OK, "deflateInit2 failed with constant parameters")
        defer { deflateEnd(&stream) }

        let bound = Int(deflateBound(&stream, uLong(bytes.count))) + 64
        var out = [UInt8](repeating: 0, count: bound)
        let written: Int = bytes.withUnsafeBytes { src in
            out.withUnsafeMutableBytes { dst in
                stream.next_in = UnsafeMutablePointer(mutating: src.bindMemory(to: UInt8.self).baseAddress)
                stream.avail_in = uInt(src.count)
                stream.next_out = dst.bindMemory(to: UInt8.self).baseAddress
                stream.avail_out = uInt(dst.count)
                // With an output buffer of deflateBound bytes one Z_FINISH call completes.
                let status = CZlib.deflate(&stream, Z_FINISH)
                precondition(status == Z_STREAM_END, "deflate into a deflateBound-sized buffer did not finish")
                return dst.count - Int(stream.avail_out)
            }
        }
        out.removeSubrange(written...)
        return out
    }

    /// CRC-32 (the gzip/PNG polynomial) of `bytes`, continuing from `start`.
    public static func crc32(_ bytes: [UInt8], start: UInt32 = 0) -> UInt32 {
        bytes.withUnsafeBufferPointer { buf in
            UInt32(CZlib.crc32(uLong(start), buf.baseAddress, uInt(buf.count)))
        }
    }
}
