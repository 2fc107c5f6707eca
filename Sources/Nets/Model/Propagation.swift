/// Forward and backward passes of an `MLP` over a `Workspace`.
///
/// Forward: z_i = a_{i-1} W_i^T (sgemm with W transposed by flag, no copy),
/// then one fused pass adds b_i and applies f. Backward from delta = dL/dz_i:
/// dW_i = delta^T a_{i-1}, db_i = column sums of delta, dL/da_{i-1} = delta W_i,
/// then dL/dz_{i-1} = dL/da_{i-1} * f'(z_{i-1}) in place. The first layer's
/// input gradient is skipped unless asked for.
extension MLP {
    /// Forward pass over the first `rows` rows of `ws.input`; the logits end up in `ws.z.last`.
    func forward(_ ws: Workspace, rows: Int) {
        let count = weights.count
        for i in 0..<count {
            let inF = sizes[i], outF = sizes[i + 1]
            let x = i == 0 ? ws.input.pointer : ws.a[i - 1].pointer
            let z = ws.z[i].pointer
            BLAS.gemm(transA: false, transB: true, m: rows, n: outF, k: inF,
                      a: x, b: weights[i].pointer, c: z)
            if i < count - 1 {
                activation.addBiasAndApply(z: z, bias: biases[i].pointer, y: ws.a[i].pointer,
                                           rows: rows, cols: outF)
            } else {
                addBias(z, biases[i].pointer, rows: rows, cols: outF)
            }
        }
    }

    /// Backward pass: expects `ws.deltaA` to hold dL/dlogits for `rows` rows;
    /// fills `ws.weightGrad` and `ws.biasGrad` (and `ws.inputGrad` when `inputGradient`).
    func backward(_ ws: Workspace, rows: Int, inputGradient: Bool = false) {
        var delta = ws.deltaA, spare = ws.deltaB
        for i in stride(from: weights.count - 1, through: 0, by: -1) {
            let inF = sizes[i], outF = sizes[i + 1]
            let x = i == 0 ? ws.input.pointer : ws.a[i - 1].pointer
            BLAS.gemm(transA: true, transB: false, m: outF, n: inF, k: rows,
                      a: delta.pointer, b: x, c: ws.weightGrad[i].pointer)
            columnSums(delta.pointer, rows: rows, cols: outF, into: ws.biasGrad[i].pointer)
            if i > 0 {
                BLAS.gemm(transA: false, transB: false, m: rows, n: inF, k: outF,
                          a: delta.pointer, b: weights[i].pointer, c: spare.pointer)
                activation.multiplyByDerivative(spare.pointer, z: ws.z[i - 1].pointer,
                                                y: ws.a[i - 1].pointer, count: rows * inF)
                swap(&delta, &spare)
            } else if inputGradient {
                BLAS.gemm(transA: false, transB: false, m: rows, n: inF, k: outF,
                          a: delta.pointer, b: weights[i].pointer, c: ws.ensureInputGradient().pointer)
            }
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

/// out[c] = sum over r of m[r, c], summed in row order (deterministic).
@inline(__always)
func columnSums(_ m: UnsafePointer<Float>, rows: Int, cols: Int, into out: UnsafeMutablePointer<Float>) {
    out.update(repeating: 0, count: cols)
    for r in 0..<rows {
        let row = m + r * cols
        for c in 0..<cols { out[c] += row[c] }
    }
}
