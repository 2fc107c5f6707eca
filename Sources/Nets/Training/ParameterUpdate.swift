/// One SGD step's settings and velocity buffers, applied layer by layer by
/// whoever has just made that layer's gradients (the backward lanes, so the
/// gradients are still in cache; or `SGD.step` on the calling thread).
///
/// The update is elementwise (`sgdStep`), so how it is split cannot change
/// results. Holding the cached pointer arrays, it allocates nothing.
struct ParameterUpdate {
    let learningRate: Float, momentum: Float
    /// True on the first step with momentum: v = g (PyTorch's "no buffer yet").
    let first: Bool
    /// Per linear layer: the velocity of W and of b (nil without momentum).
    let weightVelocity: [UnsafeMutablePointer<Float>?]
    let biasVelocity: [UnsafeMutablePointer<Float>?]

    /// Where layer `i`'s weight-gradient product dL/dW = delta^T x should go, and
    /// the sgemm beta to write it with. With momentum: into the velocity, with
    /// beta = momentum (0 on the first step), so the product itself makes
    /// v = momentum * v + dL/dW and no gradient buffer is written or read
    /// (about 2 MB less traffic per step). That is the same rounding as the
    /// product into a zeroed buffer and then `sgdStep`: OpenBLAS scales C by
    /// beta first (one product, momentum * v), and its kernel adds the whole
    /// K-sum to C with one rounding, as long as K (the batch rows) fits in one
    /// K block: 320 for the pinned Haswell sgemm of OpenBLAS 0.3.21 (measured:
    /// the same bits up to K = 320, others from 321), which `foldsMomentum`
    /// checks; `Trainer` batches are 256. Without momentum: into dW.
    func weightGradient(layer i: Int, _ l: LayerBuffers, rows: Int) -> (c: UnsafeMutablePointer<Float>, beta: Float) {
        guard let v = weightVelocity[i], Self.foldsMomentum(rows: rows) else { return (l.dW, 0) }
        return (v, first ? 0 : momentum)
    }

    /// Batches of up to this many rows fold momentum into the weight-gradient product (see `weightGradient`).
    static func foldsMomentum(rows: Int) -> Bool { rows <= 320 }

    /// Updates W's `columns` in every row of layer `i`, and b when `bias`:
    /// from its gradient in dW, or, when `weightGradient` put the product
    /// into the velocity (`rows`), from the velocity alone.
    func apply(layer i: Int, _ l: LayerBuffers, columns: Range<Int>, bias: Bool, rows: Int? = nil) {
        let v = weightVelocity[i]
        let folded = v != nil && rows.map(Self.foldsMomentum) == true
        func step(_ range: Range<Int>) {
            if folded, let v {
                sgdApplyVelocity(parameter: l.w, velocity: v, range: range, learningRate: learningRate)
            } else {
                sgdStep(parameter: l.w, gradient: l.dW, velocity: v, range: range,
                        learningRate: learningRate, momentum: momentum, first: first)
            }
        }
        if columns.count == l.inF {
            step(0..<(l.outF * l.inF))
        } else if !columns.isEmpty {
            for r in 0..<l.outF {
                let row = r * l.inF
                step((row + columns.lowerBound)..<(row + columns.upperBound))
            }
        }
        if bias {
            sgdStep(parameter: l.b, gradient: l.db, velocity: biasVelocity[i], range: 0..<l.outF,
                    learningRate: learningRate, momentum: momentum, first: first)
        }
    }
}
