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

    /// Writes the normalised rows `indices` of `data` one after another into
    /// `out`, and their labels into `labels` when given.
    static func gather(_ data: ByteImages, indices: ArraySlice<Int>, into out: UnsafeMutablePointer<Float>,
                       labels: UnsafeMutablePointer<UInt8>? = nil) {
        withSource(data, indices: indices, labels: labels) { $0?.gather(rows: 0..<indices.count, into: out) }
    }

    /// Calls `body` with the rows `indices` of `data` as a `BatchSource` (nil when
    /// there is nothing to gather: no images or no indices).
    static func withSource<R>(_ data: ByteImages, indices: ArraySlice<Int>, labels: UnsafeMutablePointer<UInt8>?,
                              _ body: (BatchSource?) -> R) -> R {
        table.withUnsafeBufferPointer { lut in
            data.pixels.withUnsafeBufferPointer { px in
                data.labels.withUnsafeBufferPointer { ys in
                    indices.withUnsafeBufferPointer { idx in
                        guard let pixels = px.baseAddress, let lut = lut.baseAddress, let ys = ys.baseAddress,
                              let idx = idx.baseAddress else { return body(nil) }
                        return body(BatchSource(pixels: pixels, lut: lut, labels: ys, indices: idx,
                                                width: data.featureCount, labelsOut: labels))
                    }
                }
            }
        }
    }
}

/// Batch rows still to be gathered: row r is image `indices[r]` of `pixels`,
/// normalised through `lut`, its label copied to `labelsOut[r]` when given.
/// The forward pass gathers each lane's rows on that lane (`ForwardJob`).
struct BatchSource {
    let pixels: UnsafePointer<UInt8>, lut: UnsafePointer<Float>, labels: UnsafePointer<UInt8>
    let indices: UnsafePointer<Int>, width: Int
    let labelsOut: UnsafeMutablePointer<UInt8>?

    /// Writes rows `rows` into `out` (row r at `out + r * width`); a copy, so any split gives the same bytes.
    func gather(rows: Range<Int>, into out: UnsafeMutablePointer<Float>) {
        gatherRows(pixels: pixels, lut: lut, labels: labels, indices: indices, rows: rows, width: width,
                   out: out, labelsOut: labelsOut)
    }
}
