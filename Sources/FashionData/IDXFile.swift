import Foundation
import Support

/// An IDX file of unsigned bytes (element type 0x08), the format of the
/// MNIST-family datasets.
///
/// Layout (big-endian): two zero bytes, the element type byte, the number of
/// dimensions d, then d uint32 sizes, then the payload in row-major order.
/// `read` checks every field and that the payload is exactly the product of the
/// dimensions; nothing is read at a fixed offset. `encoded()` is the exact
/// inverse of parsing, so `parse(encoded())` round-trips byte for byte.
public struct IDXFile: Equatable, Sendable {
    public static let unsignedByte: UInt8 = 0x08

    public var dims: [Int]
    public var payload: [UInt8]

    public init(dims: [Int], payload: [UInt8]) {
        self.dims = dims
        self.payload = payload
    }

    /// Reads and validates the file at `url`; `name` is used in error messages.
    public static func read(_ url: URL, name: String) throws -> IDXFile {
        try parse(mappingIOErrors { try WholeFile.read(url) }, name: name)
    }

    /// Parses IDX bytes; `name` is used in error messages.
    /// `bytes` is consumed and its header dropped in place, so a large file's
    /// payload is not copied a second time.
    public static func parse(_ bytes: consuming [UInt8], name: String) throws -> IDXFile {
        func fail(_ problem: String) -> FashionDataError { .invalidIDX(name: name, problem: problem) }
        guard bytes.count >= 4 else {
            throw fail("file is \(bytes.count) bytes, shorter than the 4-byte IDX magic")
        }
        guard bytes[0] == 0, bytes[1] == 0 else {
            throw fail("magic starts with \(hex(bytes[0])) \(hex(bytes[1])), expected 0x00 0x00 (not an IDX file)")
        }
        guard bytes[2] == unsignedByte else {
            throw fail("element type is \(hex(bytes[2])), expected 0x08 (unsigned byte)")
        }
        let rank = Int(bytes[3])
        guard rank >= 1 else { throw fail("number of dimensions is 0, expected at least 1") }
        let headerLength = 4 + 4 * rank
        guard bytes.count >= headerLength else {
            throw fail("header declares \(rank) dimensions (\(headerLength) header bytes) but the file has only \(bytes.count) bytes")
        }
        var dims: [Int] = []
        var expected = 1
        for i in 0..<rank {
            let p = 4 + 4 * i
            let size = Int(bytes[p]) << 24 | Int(bytes[p + 1]) << 16 | Int(bytes[p + 2]) << 8 | Int(bytes[p + 3])
            dims.append(size)
            // Sizes are < 2^32 each; stop before the product can overflow Int.
            let (product, overflow) = expected.multipliedReportingOverflow(by: size)
            guard !overflow else { throw fail("dimensions \(dims) describe more bytes than can exist") }
            expected = product
        }
        let found = bytes.count - headerLength
        guard found == expected else {
            throw fail("payload is \(found) bytes, expected \(expected) (the product of dimensions \(dims))")
        }
        bytes.removeFirst(headerLength)
        return IDXFile(dims: dims, payload: bytes)
    }

    /// The file's bytes: header then payload.
    public func encoded() -> [UInt8] {
        var out: [UInt8] = [0, 0, IDXFile.unsignedByte, UInt8(truncatingIfNeeded: dims.count)]
        out.reserveCapacity(4 + 4 * dims.count + payload.count)
        for d in dims {
            let v = UInt32(truncatingIfNeeded: d)
            out += [UInt8(v >> 24), UInt8(v >> 16 & 0xff), UInt8(v >> 8 & 0xff), UInt8(v & 0xff)]
        }
        out += payload
        return out
    }

    /// Writes `encoded()` to `url` atomically.
    public func write(to url: URL) throws {
        try mappingIOErrors {
            let file = try AtomicFile(destination: url)
            try file.write(encoded())
            try file.commit()
        }
    }

    private static func hex(_ b: UInt8) -> String {
        "0x" + (b < 16 ? "0" : "") + String(b, radix: 16)
    }
}
