/// z[r, c] += bias[c] over a rows x cols row-major block.
@inline(never)  // a call per block: keeps the loop compiled here, with this target's flags
public func addBias(_ z: UnsafeMutablePointer<Float>, _ bias: UnsafePointer<Float>, rows: Int, cols: Int) {
    for r in 0..<rows {
        let row = z + r * cols
        for c in 0..<cols { row[c] += bias[c] }
    }
}

/// out[c] = sum over r of m[r * stride + c] for c in `columns`, rows summed in order (deterministic).
@inline(never)
public func columnSums(_ m: UnsafePointer<Float>, rows: Int, stride: Int, columns: Range<Int>,
                       into out: UnsafeMutablePointer<Float>) {
    let o = out + columns.lowerBound, n = columns.count
    o.update(repeating: 0, count: n)
    for r in 0..<rows {
        let row = m + r * stride + columns.lowerBound
        for c in 0..<n { o[c] += row[c] }
    }
}

/// grad[i] *= d[i] for i < count: the backward pass through an activation whose
/// derivative the forward pass stored (`Activation.storesDerivative`).
@inline(never)
public func multiplyElementwise(_ grad: UnsafeMutablePointer<Float>, by d: UnsafePointer<Float>, count: Int) {
    for i in 0..<count { grad[i] *= d[i] }
}
