/// Forward and backward passes of an `MLP` over a `Workspace`.
///
/// Forward: z_i = a_{i-1} W_i^T (sgemm, W transposed by flag, no copy), then
/// one fused pass adds b_i and applies f. Backward from delta_i = dL/dz_i:
/// dL/da_{i-1} = delta_i W_i, then delta_{i-1} = dL/da_{i-1} * f'(z_{i-1}) in
/// place, for every layer from the top; dW_i = delta_i^T a_{i-1} and
/// db_i = column sums of delta_i (rows summed in order). The first layer's
/// input gradient is skipped unless asked for. The work is split into fixed
/// lanes (`Lanes`, PropagationJobs.swift), so results do not depend on the
/// workspace's thread count.
extension MLP {
    /// Forward pass over the first `rows` rows of `ws.input` (gathered from
    /// `source` first when given); the logits end up in `ws.z.last`. With
    /// `derivatives`, f'(z_i) of every hidden layer is stored there too.
    func forward(_ ws: Workspace, rows: Int, source: BatchSource? = nil,
                 derivatives: [UnsafeMutablePointer<Float>]? = nil) {
        let parts = ws.lanes
        ws.pool.run(ForwardJob(layers: ws.layers(of: self), activation: activation, source: source,
                               derivatives: derivatives, rows: rows, parts: parts), parts: parts)
    }

    /// Backward pass: expects `ws.delta.last` to hold dL/dlogits for `rows` rows,
    /// and `derivatives`, when given, to hold what the forward pass stored there;
    /// fills every `ws.delta`, `ws.weightGrad` and `ws.biasGrad` (and `ws.inputGrad`
    /// when `inputGradient`), and applies `update` to the parameters when given
    /// (not together with `inputGradient`, which reads the first layer's W).
    func backward(_ ws: Workspace, rows: Int, inputGradient: Bool = false, update: ParameterUpdate? = nil,
                  derivatives: [UnsafeMutablePointer<Float>]? = nil) {
        precondition(update == nil || !inputGradient, "backward: an update with the input gradient")
        let parts = ws.lanes
        let base = ws.progress.current + 1
        ws.progress.publish(base)  // before the pass starts: no lane waits on the last pass's values
        ws.pool.run(BackwardJob(layers: ws.layers(of: self), activation: activation, derivatives: derivatives,
                                inputGradient: inputGradient ? ws.ensureInputGradient().pointer : nil,
                                update: update, progress: ws.progress, base: base, rows: rows, parts: parts),
                    parts: parts)
    }

    /// Forward, loss and gradient into `ws.delta.last`, then backward (and `update`).
    /// Returns the mean loss and correct count.
    func step(_ ws: Workspace, rows: Int, source: BatchSource? = nil, inputGradient: Bool = false,
              update: ParameterUpdate? = nil) -> (loss: Float, correct: Int) {
        let derivatives = type(of: activation).storesDerivative ? ws.ensureDerivatives() : nil
        forward(ws, rows: rows, source: source, derivatives: derivatives)
        let result = SoftmaxCrossEntropy.evaluate(
            logits: ws.z[weights.count - 1].pointer, labels: ws.labels,
            rows: rows, classes: sizes[sizes.count - 1], gradient: ws.delta[weights.count - 1].pointer)
        backward(ws, rows: rows, inputGradient: inputGradient, update: update, derivatives: derivatives)
        return result
    }
}
