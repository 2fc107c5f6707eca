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
    /// `out`, and their labels into `labels` when given; rows are split over
    /// `pool`'s threads when given (a copy, so the split cannot change results).
    static func gather(_ data: ByteImages, indices: ArraySlice<Int>, into out: UnsafeMutablePointer<Float>,
                       labels: UnsafeMutablePointer<UInt8>? = nil, pool: WorkerPool? = nil) {
        table.withUnsafeBufferPointer { lut in
            data.pixels.withUnsafeBufferPointer { px in
                data.labels.withUnsafeBufferPointer { ys in
                    indices.withUnsafeBufferPointer { idx in
                        // No images means no valid index, so nothing to copy.
                        guard let pixels = px.baseAddress, let lut = lut.baseAddress, let ys = ys.baseAddress,
                              let idx = idx.baseAddress else { return }
                        let parts = pool?.parts(count: indices.count, block: GatherJob.block) ?? 1
                        let job = GatherJob(pixels: pixels, lut: lut, labels: ys, indices: idx, count: indices.count,
                                            width: data.featureCount, out: out, labelsOut: labels, parts: parts)
                        if let pool { pool.run(job, parts: parts) } else { job.run(part: 0) }
                    }
                }
            }
        }
    }
}

/// The batch gather as a `ParallelJob`: part p normalises its share of the rows.
struct GatherJob: ParallelJob {
    static let block = 16
    let pixels: UnsafePointer<UInt8>, lut: UnsafePointer<Float>, labels: UnsafePointer<UInt8>
    let indices: UnsafePointer<Int>, count: Int, width: Int
    let out: UnsafeMutablePointer<Float>, labelsOut: UnsafeMutablePointer<UInt8>?
    let parts: Int

    func run(part: Int) {
        gatherRows(pixels: pixels, lut: lut, labels: labels, indices: indices,
                   rows: WorkerPool.range(part, of: parts, count: count, block: Self.block), width: width,
                   out: out, labelsOut: labelsOut)
    }
}
