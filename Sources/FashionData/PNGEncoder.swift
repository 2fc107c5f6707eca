/// Minimal PNG writer for 8-bit grayscale images.
///
/// Output: signature, IHDR (colour type 0, bit depth 8, no interlace), one IDAT
/// holding the zlib-compressed rows (each with filter byte 0, "none"), IEND.
/// Deterministic: same pixels, same bytes (no timestamps or text chunks).
public enum PNGEncoder {
    /// `pixels` is row-major, `width * height` bytes, 0 = black.
    public static func grayscale(width: Int, height: Int, pixels: [UInt8]) throws -> [UInt8] {
        guard width > 0, height > 0, pixels.count == width * height else {
            throw FashionDataError.invalidArgument(
                "PNGEncoder: \(pixels.count) pixels for a \(width)x\(height) image, expected \(max(width, 0) * max(height, 0)) and a non-empty size")
        }
        var raw: [UInt8] = []
        raw.reserveCapacity((width + 1) * height)
        for row in 0..<height {
            raw.append(0)
            raw += pixels[row * width ..< (row + 1) * width]
        }
        var header: [UInt8] = []
        header += bigEndian(UInt32(width)) + bigEndian(UInt32(height))
        header += [8, 0, 0, 0, 0]   // bit depth, colour type, compression, filter, interlace
        var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        out += chunk("IHDR", header)
        out += chunk("IDAT", Deflate.compress(raw, framing: .zlib))
        out += chunk("IEND", [])
        return out
    }

    /// length, type, data, CRC-32 of type and data.
    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        return bigEndian(UInt32(data.count)) + typeBytes + data + bigEndian(Deflate.crc32(typeBytes + data))
    }

    private static func bigEndian(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8(v >> 16 & 0xff), UInt8(v >> 8 & 0xff), UInt8(v & 0xff)]
    }
}
