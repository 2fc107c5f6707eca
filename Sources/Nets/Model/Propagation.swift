/// Forward and backward passes of an `MLP` over a `Workspace`.
///
/// Forward, per block of batch rows: z_i = a_{i-1} W_i^T (sgemm, W transposed
/// by flag, no copy), then one fused pass adds b_i and applies f.
/// Backward from delta = dL/dz_i: per block of W's rows, dW_i = delta^T a_{i-1}
/// and db_i = column sums of delta (rows summed in order); per block of batch
/// rows, dL/da_{i-1} = delta W_i, then dL/dz_{i-1} = dL/da_{i-1} * f'(z_{i-1})
/// in place. The first layer's input gradient is skipped unless asked for.
/// Blocks are fixed-size (`BLAS.parallelRows`), so results do not depend on threads.
extension MLP {
    /// Forward pass over the first `rows` rows of `ws.input`; the logits end up in `ws.z.last`.
    func forward(_ ws: Workspace, rows: Int) {
        let count = weights.count
        for i in 0..<count {
            let inF = sizes[i], outF = sizes[i + 1]
            let x = i == 0 ? ws.input.pointer : ws.a[i - 1].pointer
            let z = ws.z[i].pointer, w = weights[i].pointer, b = biases[i].pointer
            let y = i < count - 1 ? ws.a[i].pointer : nil
            let f = activation
            BLAS.parallelRows(rows, threads: ws.threads) { r0, r1 in
                BLAS.gemm(transA: false, transB: true, m: r1 - r0, n: outF, k: inF,
                          a: x + r0 * inF, lda: inF, b: w, ldb: inF, c: z + r0 * outF, ldc: outF)
                if let y {
                    f.addBiasAndApply(z: z + r0 * outF, bias: b, y: y + r0 * outF, rows: r1 - r0, cols: outF)
                } else {
                    addBias(z + r0 * outF, b, rows: r1 - r0, cols: outF)
                }
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
            let d = delta.pointer, w = weights[i].pointer
            let dW = ws.weightGrad[i].pointer, db = ws.biasGrad[i].pointer
            BLAS.parallelRows(outF, threads: ws.threads) { o0, o1 in
                BLAS.gemm(transA: true, transB: false, m: o1 - o0, n: inF, k: rows,
                          a: d + o0, lda: outF, b: x, ldb: inF, c: dW + o0 * inF, ldc: inF)
                columnSums(d, rows: rows, stride: outF, columns: o0..<o1, into: db)
            }
            let target: UnsafeMutablePointer<Float>?
            if i > 0 { target = spare.pointer } else if inputGradient { target = ws.ensureInputGradient().pointer } else { target = nil }
            guard let target else { continue }
            let z = i > 0 ? ws.z[i - 1].pointer : nil, y = i > 0 ? ws.a[i - 1].pointer : nil
            let f = activation
            BLAS.parallelRows(rows, threads: ws.threads) { r0, r1 in
                BLAS.gemm(transA: false, transB: false, m: r1 - r0, n: inF, k: outF,
                          a: d + r0 * outF, lda: outF, b: w, ldb: inF, c: target + r0 * inF, ldc: inF)
                if let z, let y {
                    f.multiplyByDerivative(target + r0 * inF, z: z + r0 * inF, y: y + r0 * inF, count: (r1 - r0) * inF)
                }
            }
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
