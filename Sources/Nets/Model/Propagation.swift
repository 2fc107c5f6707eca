/// Forward and backward passes of an `MLP` over a `Workspace`.
///
/// Forward, per block of batch rows: z_i = a_{i-1} W_i^T (sgemm, W transposed
/// by flag, no copy), then one fused pass adds b_i and applies f.
/// Backward from delta_i = dL/dz_i: per block of batch rows,
/// dL/da_{i-1} = delta_i W_i, then delta_{i-1} = dL/da_{i-1} * f'(z_{i-1}) in
/// place, for every layer from the top; then per block of W's rows,
/// dW_i = delta_i^T a_{i-1} and db_i = column sums of delta_i (rows summed in
/// order). The first layer's input gradient is skipped unless asked for.
/// Blocks are fixed-size (see PropagationJobs.swift), so results do not depend
/// on the workspace's thread count.
extension MLP {
    /// Forward pass over the first `rows` rows of `ws.input`; the logits end up in `ws.z.last`.
    func forward(_ ws: Workspace, rows: Int) {
        let parts = ws.pool.parts(count: rows, block: BLAS.blockRows)
        ws.pool.run(ForwardJob(layers: ws.layers(of: self), activation: activation, rows: rows, parts: parts),
                    parts: parts)
    }

    /// Backward pass: expects `ws.delta.last` to hold dL/dlogits for `rows` rows;
    /// fills every `ws.delta`, `ws.weightGrad` and `ws.biasGrad` (and `ws.inputGrad` when `inputGradient`).
    func backward(_ ws: Workspace, rows: Int, inputGradient: Bool = false) {
        let layers = ws.layers(of: self), pool = ws.pool
        let rowParts = pool.parts(count: rows, block: BLAS.blockRows)
        pool.run(InputGradientJob(layers: layers, activation: activation,
                                  inputGradient: inputGradient ? ws.ensureInputGradient().pointer : nil,
                                  rows: rows, parts: rowParts), parts: rowParts)
        let widest = sizes.dropFirst().max() ?? 0
        let weightParts = pool.parts(count: widest, block: BLAS.blockRows)
        pool.run(WeightGradientJob(layers: layers, rows: rows, parts: weightParts), parts: weightParts)
    }

    /// Forward, loss and gradient into `ws.delta.last`, then backward. Returns the mean loss and correct count.
    func step(_ ws: Workspace, rows: Int, inputGradient: Bool = false) -> (loss: Float, correct: Int) {
        forward(ws, rows: rows)
        let result = SoftmaxCrossEntropy.evaluate(
            logits: ws.z[weights.count - 1].pointer, labels: ws.labels,
            rows: rows, classes: sizes[sizes.count - 1], gradient: ws.delta[weights.count - 1].pointer)
        backward(ws, rows: rows, inputGradient: inputGradient)
        return result
    }
}
