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

    /// Updates W's `columns` in every row of layer `i` from its gradient, and b when `bias`.
    func apply(layer i: Int, _ l: LayerBuffers, columns: Range<Int>, bias: Bool) {
        let v = weightVelocity[i]
        if columns.count == l.inF {
            sgdStep(parameter: l.w, gradient: l.dW, velocity: v, range: 0..<(l.outF * l.inF),
                    learningRate: learningRate, momentum: momentum, first: first)
        } else if !columns.isEmpty {
            for r in 0..<l.outF {
                let row = r * l.inF
                sgdStep(parameter: l.w, gradient: l.dW, velocity: v,
                        range: (row + columns.lowerBound)..<(row + columns.upperBound),
                        learningRate: learningRate, momentum: momentum, first: first)
            }
        }
        if bias {
            sgdStep(parameter: l.b, gradient: l.db, velocity: biasVelocity[i], range: 0..<l.outF,
                    learningRate: learningRate, momentum: momentum, first: first)
        }
    }
}
