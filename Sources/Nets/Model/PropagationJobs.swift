/// The parallel passes of a training step, as `ParallelJob`s.
///
/// Each product is computed in fixed blocks of `BLAS.blockRows` rows of its
/// result, one sgemm call per block, and a thread takes a contiguous run of
/// whole blocks. The calls are the same whatever the thread count, so results
/// are too (OpenBLAS's per-element arithmetic does depend on a call's shape).
///
/// A step is three passes, so two threads meet three times rather than at
/// every product:
/// 1. `ForwardJob`: all layers, each thread on its own batch rows. Row r of
///    layer i + 1 needs only row r of layer i, which the same thread made.
/// 2. `InputGradientJob`: dL/dz of every layer from the top down, again on
///    the thread's own rows (each row of delta_{i-1} needs only that row of delta_i).
/// 3. `WeightGradientJob`: dW and db of every layer, each thread on its share
///    of W's rows (these need every batch row of delta_i and a_{i-1}).

/// One linear layer's buffers in a workspace.
struct LayerBuffers {
    let inF: Int, outF: Int
    /// The layer's input rows: the batch, or a_{i-1}.
    let x: UnsafeMutablePointer<Float>
    let w: UnsafeMutablePointer<Float>, b: UnsafeMutablePointer<Float>
    let z: UnsafeMutablePointer<Float>
    /// a_i = f(z_i); nil for the output layer.
    let y: UnsafeMutablePointer<Float>?
    /// dL/dz_i.
    let delta: UnsafeMutablePointer<Float>
    let dW: UnsafeMutablePointer<Float>, db: UnsafeMutablePointer<Float>
}

/// z_i = x_i W_i^T + b_i and y_i = f(z_i) for every layer, on the part's batch rows.
struct ForwardJob: ParallelJob {
    let layers: [LayerBuffers]
    let activation: any Activation
    let rows: Int, parts: Int

    func run(part: Int) {
        for l in layers {
            BLAS.forEachBlock(part, of: parts, count: rows) { r0, n in
                let zr = l.z + r0 * l.outF
                BLAS.gemm(transA: false, transB: true, m: n, n: l.outF, k: l.inF,
                          a: l.x + r0 * l.inF, lda: l.inF, b: l.w, ldb: l.inF, c: zr, ldc: l.outF)
                if let y = l.y {
                    activation.addBiasAndApply(z: zr, bias: l.b, y: y + r0 * l.outF, rows: n, cols: l.outF)
                } else {
                    addBias(zr, l.b, rows: n, cols: l.outF)
                }
            }
        }
    }
}

/// From the top layer's delta down: dL/dx_i = delta_i W_i, times f'(z_{i-1})
/// in place into delta_{i-1} (or, for i = 0, into `inputGradient` when given),
/// on the part's batch rows.
struct InputGradientJob: ParallelJob {
    let layers: [LayerBuffers]
    let activation: any Activation
    let inputGradient: UnsafeMutablePointer<Float>?
    let rows: Int, parts: Int

    func run(part: Int) {
        for i in stride(from: layers.count - 1, through: 0, by: -1) {
            let l = layers[i]
            let below = i > 0 ? layers[i - 1] : nil
            guard let target = below?.delta ?? inputGradient else { continue }
            BLAS.forEachBlock(part, of: parts, count: rows) { r0, n in
                let t = target + r0 * l.inF
                BLAS.gemm(transA: false, transB: false, m: n, n: l.inF, k: l.outF,
                          a: l.delta + r0 * l.outF, lda: l.outF, b: l.w, ldb: l.inF, c: t, ldc: l.inF)
                if let below, let y = below.y {
                    activation.multiplyByDerivative(t, z: below.z + r0 * l.inF, y: y + r0 * l.inF, count: n * l.inF)
                }
            }
        }
    }
}

/// dW_i = delta_i^T x_i and db_i = column sums of delta_i for every layer, on
/// the part's share of each W's rows.
struct WeightGradientJob: ParallelJob {
    let layers: [LayerBuffers]
    let rows: Int, parts: Int

    func run(part: Int) {
        for l in layers {
            BLAS.forEachBlock(part, of: parts, count: l.outF) { o0, n in
                BLAS.gemm(transA: true, transB: false, m: n, n: l.inF, k: rows,
                          a: l.delta + o0, lda: l.outF, b: l.x, ldb: l.inF, c: l.dW + o0 * l.inF, ldc: l.inF)
                columnSums(l.delta, rows: rows, stride: l.outF, columns: o0..<(o0 + n), into: l.db)
            }
        }
    }
}
