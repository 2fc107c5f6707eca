/// Copies rows `rows` of a batch: row r is image `indices[r]` of `pixels`
/// (`width` bytes each), each byte mapped through `lut` into `out[r * width...]`,
/// and its label into `labelsOut[r]` when given. Callers check the indices
/// (this loop does not).
@inline(never)
public func gatherRows(pixels: UnsafePointer<UInt8>, lut: UnsafePointer<Float>, labels: UnsafePointer<UInt8>,
                       indices: UnsafePointer<Int>, rows: Range<Int>, width: Int,
                       out: UnsafeMutablePointer<Float>, labelsOut: UnsafeMutablePointer<UInt8>?) {
    for r in rows {
        let index = indices[r]
        let src = pixels + index * width, dst = out + r * width
        for j in 0..<width { dst[j] = lut[Int(src[j])] }
        labelsOut?[r] = labels[index]
    }
}
