/// Maps a pixel byte p to the network input exactly as the reference's
/// `ToTensor()` + `Normalize(0.5, 0.5)` do in float32: v = Float(p) / 255,
/// then v = (v - 0.5) / 0.5, so inputs lie in [-1, 1].
///
/// A 256-entry table computed once with those same float32 operations makes
/// the per-batch conversion a lookup while staying bit-identical.
public enum PixelNormalization {
    public static let table: [Float] = (0...255).map { p -> Float in
        var v = Float(p) / 255
        v = (v - 0.5) / 0.5
        return v
    }

    /// Normalises the given images (rows of `data`) into a row-major matrix.
    public static func batch(_ data: ByteImages, indices: [Int]) throws -> Matrix {
        try data.check(indices: indices)
        var m = Matrix(rows: indices.count, cols: data.featureCount)
        m.values.withUnsafeMutableBufferPointer { out in
            if let base = out.baseAddress { gather(data, indices: indices[...], into: base) }
        }
        return m
    }

    /// Writes the normalised rows `indices` of `data` one after another into `out`.
    static func gather(_ data: ByteImages, indices: ArraySlice<Int>, into out: UnsafeMutablePointer<Float>) {
        let width = data.featureCount
        table.withUnsafeBufferPointer { lut in
            data.pixels.withUnsafeBufferPointer { px in
                guard let pixels = px.baseAddress else { return }  // no images, so no valid index
                var dst = out
                for index in indices {
                    let src = pixels + index * width
                    for j in 0..<width { dst[j] = lut[Int(src[j])] }
                    dst += width
                }
            }
        }
    }
}
