/// The two parallel passes of a training step, as `LaneJob`s (see `Lanes`).
///
/// 1. `ForwardJob`: each lane gathers its batch rows (when given a source) and
///    takes them through every layer; row r of layer i + 1 needs only row r of
///    layer i, which the same lane made.
/// 2. `BackwardJob`: lane 1 makes dL/dz of every layer from the top down;
///    lane 0 follows one layer behind with dW and db, then both split the first
///    layer's dW by columns. With a `ParameterUpdate`, each lane updates the
///    parameters whose gradients it made while they are still in cache.
/// The threads meet twice per step (plus the loss, on the caller, between).

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

/// z_i = x_i W_i^T + b_i and y_i = f(z_i) for every layer, on the lane's batch
/// rows, after gathering those rows from `source` into the input when given.
struct ForwardJob: LaneJob {
    static let serialOrder = (0, 1)
    let layers: [LayerBuffers]
    let activation: any Activation
    let source: BatchSource?
    /// Where to store f'(z_i) of each hidden layer for the backward pass (a
    /// training step, `Activation.storesDerivative`); nil: not stored.
    let derivatives: [UnsafeMutablePointer<Float>]?
    let rows: Int, parts: Int

    func runLane(_ lane: Int) {
        let mine = Lanes.rows(lane, of: rows)
        guard !mine.isEmpty else { return }
        source?.gather(rows: mine, into: layers[0].x)
        let r0 = mine.lowerBound, n = mine.count
        for (i, l) in layers.enumerated() {
            let zr = l.z + r0 * l.outF
            BLAS.gemm(transA: false, transB: true, m: n, n: l.outF, k: l.inF,
                      a: l.x + r0 * l.inF, lda: l.inF, b: l.w, ldb: l.inF, c: zr, ldc: l.outF)
            if let y = l.y, let d = derivatives?[i] {
                activation.addBiasApplyAndDifferentiate(z: zr, bias: l.b, y: y + r0 * l.outF, d: d + r0 * l.outF,
                                                        rows: n, cols: l.outF)
            } else if let y = l.y {
                activation.addBiasAndApply(z: zr, bias: l.b, y: y + r0 * l.outF, rows: n, cols: l.outF)
            } else {
                addBias(zr, l.b, rows: n, cols: l.outF)
            }
        }
    }
}

/// The backward pass from the top layer's delta (`Lanes`):
/// - lane 1, for i from the top down to 1: dL/dx_i = delta_i W_i (one call,
///   every batch row), times f'(z_{i-1}) (stored by the forward pass, or
///   computed here) in place into delta_{i-1}; publishes
///   its progress after each layer. Then dL/dx_0 into `inputGradient` when
///   given, then its columns of dW_0.
/// - lane 0, for i from the top down to 1: waits for delta_i, then
///   dW_i = delta_i^T x_i (one call) and db_i = column sums of delta_i; with an
///   update, waits until lane 1 has read W_i, then updates W_i and b_i. Then
///   its columns of dW_0, db_0, and their update.
struct BackwardJob: LaneJob {
    static let serialOrder = (1, 0)
    let layers: [LayerBuffers]
    let activation: any Activation
    /// f'(z_i) of each hidden layer as the forward pass stored it (`ForwardJob`),
    /// or nil: then f' is computed here from z and y.
    let derivatives: [UnsafeMutablePointer<Float>]?
    let inputGradient: UnsafeMutablePointer<Float>?
    let update: ParameterUpdate?
    let progress: LaneProgress
    /// `progress` at the start of this pass.
    let base: Int
    let rows: Int, parts: Int

    func runLane(_ lane: Int) {
        let top = layers.count - 1
        if lane == 1 {
            for i in stride(from: top, through: 1, by: -1) {
                let l = layers[i], below = layers[i - 1]
                BLAS.gemm(transA: false, transB: false, m: rows, n: l.inF, k: l.outF,
                          a: l.delta, lda: l.outF, b: l.w, ldb: l.inF, c: below.delta, ldc: l.inF)
                if let d = derivatives?[i - 1] {
                    multiplyElementwise(below.delta, by: d, count: rows * l.inF)
                } else if let y = below.y {
                    activation.multiplyByDerivative(below.delta, z: below.z, y: y, count: rows * l.inF)
                }
                progress.publish(base + top - i + 1)
            }
            if let inputGradient {
                let l = layers[0]
                BLAS.gemm(transA: false, transB: false, m: rows, n: l.inF, k: l.outF,
                          a: l.delta, lda: l.outF, b: l.w, ldb: l.inF, c: inputGradient, ldc: l.inF)
            }
        } else {
            for i in stride(from: top, through: 1, by: -1) {
                let l = layers[i]
                progress.wait(until: base + top - i)  // delta_i is final
                let target = update?.weightGradient(layer: i, l, rows: rows) ?? (c: l.dW, beta: 0)
                BLAS.gemm(transA: true, transB: false, m: l.outF, n: l.inF, k: rows,
                          a: l.delta, lda: l.outF, b: l.x, ldb: l.inF, beta: target.beta, c: target.c, ldc: l.inF)
                columnSums(l.delta, rows: rows, stride: l.outF, columns: 0..<l.outF, into: l.db)
                if let update {
                    progress.wait(until: base + top - i + 1)  // lane 1 is done with W_i
                    update.apply(layer: i, l, columns: 0..<l.inF, bias: true, rows: rows)
                }
            }
            progress.wait(until: base + top)  // delta_0 is final
        }
        let first = layers[0]
        let cols = Lanes.columns(lane, of: first.inF)
        if !cols.isEmpty {
            let target = update?.weightGradient(layer: 0, first, rows: rows) ?? (c: first.dW, beta: 0)
            BLAS.gemm(transA: true, transB: false, m: first.outF, n: cols.count, k: rows,
                      a: first.delta, lda: first.outF, b: first.x + cols.lowerBound, ldb: first.inF,
                      beta: target.beta, c: target.c + cols.lowerBound, ldc: first.inF)
        }
        if lane == 0 { columnSums(first.delta, rows: rows, stride: first.outF, columns: 0..<first.outF, into: first.db) }
        update?.apply(layer: 0, first, columns: cols, bias: lane == 0, rows: rows)
    }
}
