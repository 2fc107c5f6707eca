/// The parallel pieces of `MLP.forward` and `MLP.backward`, as `ParallelJob`s.
///
/// Each product is computed in fixed blocks of `BLAS.blockRows` rows of its
/// result, one sgemm call per block, and a thread takes a contiguous run of
/// whole blocks. The calls are the same whatever the thread count, so results
/// are too (OpenBLAS's per-element arithmetic does depend on a call's shape).

/// z = x W^T + b and y = f(z) for the batch rows of one block after another.
struct ForwardLayerJob: ParallelJob {
    let x: UnsafePointer<Float>, w: UnsafePointer<Float>, b: UnsafePointer<Float>
    let z: UnsafeMutablePointer<Float>
    /// nil for the output layer (no activation).
    let y: UnsafeMutablePointer<Float>?
    let activation: any Activation
    let rows: Int, inF: Int, outF: Int, parts: Int

    func run(part: Int) {
        BLAS.forEachBlock(part, of: parts, count: rows) { r0, n in
            let zr = z + r0 * outF
            BLAS.gemm(transA: false, transB: true, m: n, n: outF, k: inF,
                      a: x + r0 * inF, lda: inF, b: w, ldb: inF, c: zr, ldc: outF)
            if let y {
                activation.addBiasAndApply(z: zr, bias: b, y: y + r0 * outF, rows: n, cols: outF)
            } else {
                addBias(zr, b, rows: n, cols: outF)
            }
        }
    }
}

/// dW = delta^T x and db = column sums of delta, for one block of W's rows after another.
struct WeightGradientJob: ParallelJob {
    let delta: UnsafePointer<Float>, x: UnsafePointer<Float>
    let dW: UnsafeMutablePointer<Float>, db: UnsafeMutablePointer<Float>
    let rows: Int, inF: Int, outF: Int, parts: Int

    func run(part: Int) {
        BLAS.forEachBlock(part, of: parts, count: outF) { o0, n in
            BLAS.gemm(transA: true, transB: false, m: n, n: inF, k: rows,
                      a: delta + o0, lda: outF, b: x, ldb: inF, c: dW + o0 * inF, ldc: inF)
            columnSums(delta, rows: rows, stride: outF, columns: o0..<(o0 + n), into: db)
        }
    }
}

/// dL/dx = delta W, then (for a hidden layer's input) times f'(z) in place,
/// for the batch rows of one block after another.
struct InputGradientJob: ParallelJob {
    let delta: UnsafePointer<Float>, w: UnsafePointer<Float>
    let target: UnsafeMutablePointer<Float>
    /// z and y = f(z) of the layer below; nil for the network's input.
    let z: UnsafePointer<Float>?, y: UnsafePointer<Float>?
    let activation: any Activation
    let rows: Int, inF: Int, outF: Int, parts: Int

    func run(part: Int) {
        BLAS.forEachBlock(part, of: parts, count: rows) { r0, n in
            let t = target + r0 * inF
            BLAS.gemm(transA: false, transB: false, m: n, n: inF, k: outF,
                      a: delta + r0 * outF, lda: outF, b: w, ldb: inF, c: t, ldc: inF)
            if let z, let y {
                activation.multiplyByDerivative(t, z: z + r0 * inF, y: y + r0 * inF, count: n * inF)
            }
        }
    }
}
