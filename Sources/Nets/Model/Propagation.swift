/// Forward and backward passes of an `MLP` over a `Workspace`.
///
/// Forward, per block of batch rows: z_i = a_{i-1} W_i^T (sgemm, W transposed
/// by flag, no copy), then one fused pass adds b_i and applies f.
/// Backward from delta = dL/dz_i: per block of W's rows, dW_i = delta^T a_{i-1}
/// and db_i = column sums of delta (rows summed in order); per block of batch
/// rows, dL/da_{i-1} = delta W_i, then dL/dz_{i-1} = dL/da_{i-1} * f'(z_{i-1})
/// in place. The first layer's input gradient is skipped unless asked for.
/// Blocks are fixed-size (see PropagationJobs.swift), so results do not depend
/// on the workspace's thread count.
extension MLP {
    /// Forward pass over the first `rows` rows of `ws.input`; the logits end up in `ws.z.last`.
    func forward(_ ws: Workspace, rows: Int) {
        let count = weights.count, pool = ws.pool
        let parts = pool.parts(count: rows, block: BLAS.blockRows)
        for i in 0..<count {
            let job = ForwardLayerJob(
                x: i == 0 ? ws.input.pointer : ws.a[i - 1].pointer, w: weights[i].pointer,
                b: biases[i].pointer, z: ws.z[i].pointer, y: i < count - 1 ? ws.a[i].pointer : nil,
                activation: activation, rows: rows, inF: sizes[i], outF: sizes[i + 1], parts: parts)
            pool.run(job, parts: parts)
        }
    }

    /// Backward pass: expects `ws.deltaA` to hold dL/dlogits for `rows` rows;
    /// fills `ws.weightGrad` and `ws.biasGrad` (and `ws.inputGrad` when `inputGradient`).
    func backward(_ ws: Workspace, rows: Int, inputGradient: Bool = false) {
        var delta = ws.deltaA, spare = ws.deltaB
        let pool = ws.pool, rowParts = pool.parts(count: rows, block: BLAS.blockRows)
        for i in stride(from: weights.count - 1, through: 0, by: -1) {
            let inF = sizes[i], outF = sizes[i + 1]
            let weightParts = pool.parts(count: outF, block: BLAS.blockRows)
            pool.run(WeightGradientJob(
                delta: delta.pointer, x: i == 0 ? ws.input.pointer : ws.a[i - 1].pointer,
                dW: ws.weightGrad[i].pointer, db: ws.biasGrad[i].pointer,
                rows: rows, inF: inF, outF: outF, parts: weightParts), parts: weightParts)
            let target: UnsafeMutablePointer<Float>
            if i > 0 { target = spare.pointer } else if inputGradient { target = ws.ensureInputGradient().pointer } else { continue }
            pool.run(InputGradientJob(
                delta: delta.pointer, w: weights[i].pointer, target: target,
                z: i > 0 ? ws.z[i - 1].pointer : nil, y: i > 0 ? ws.a[i - 1].pointer : nil,
                activation: activation, rows: rows, inF: inF, outF: outF, parts: rowParts), parts: rowParts)
            swap(&delta, &spare)
        }
    }

    /// Forward, loss and gradient into `ws.deltaA`, then backward. Returns the mean loss and correct count.
    func step(_ ws: Workspace, rows: Int, inputGradient: Bool = false) -> (loss: Float, correct: Int) {
        forward(ws, rows: rows)
        let result = SoftmaxCrossEntropy.evaluate(
            logits: ws.z[weights.count - 1].pointer, labels: ws.labels,
            rows: rows, classes: sizes[sizes.count - 1], gradient: ws.deltaA.pointer)
        backward(ws, rows: rows, inputGradient: inputGradient)
        return result
    }
}

@inline(__always)
func addBias(_ z: UnsafeMutablePointer<Float>, _ bias: UnsafePointer<Float>, rows: Int, cols: Int) {
    for r in 0..<rows {
        let row = z + r * cols
        for c in 0..<cols { row[c] += bias[c] }
    }
}

/// out[c] = sum over r of m[r * stride + c] for c in `columns`, rows summed in order (deterministic).
@inline(__always)
func columnSums(_ m: UnsafePointer<Float>, rows: Int, stride: Int, columns: Range<Int>,
                into out: UnsafeMutablePointer<Float>) {
    let o = out + columns.lowerBound, n = columns.count
    o.update(repeating: 0, count: n)
    for r in 0..<rows {
        let row = m + r * stride + columns.lowerBound
        for c in 0..<n { o[c] += row[c] }
    }
}

