/// One SGD step on elements `range` of one tensor, as PyTorch's `torch.optim.SGD`:
/// without a velocity `p -= lr * g`; with one, `v = g` on the first step
/// (`first`, PyTorch's "no buffer yet") and `v = mu * v + g` after, then
/// `p -= lr * v`. v and p are updated in one pass over memory (the update is
/// bandwidth-bound). Elementwise, so splitting the range cannot change results.
@inline(never)
public func sgdStep(parameter p: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>,
                    velocity: UnsafeMutablePointer<Float>?, range: Range<Int>,
                    learningRate lr: Float, momentum mu: Float, first: Bool) {
    guard let v = velocity else {
        for i in range { p[i] -= lr * g[i] }
        return
    }
    if first {
        for i in range { let vi = g[i]; v[i] = vi; p[i] -= lr * vi }
    } else {
        for i in range { let vi = mu * v[i] + g[i]; v[i] = vi; p[i] -= lr * vi }
    }
}

/// `p -= lr * v` on elements `range`: the step of `sgdStep` when the velocity
/// already holds `mu * v + g` (the weight-gradient product wrote it, as
/// `ParameterUpdate.weightGradient` arranges). The same operations in the same
/// order as `sgdStep`'s, so the same bits.
@inline(never)
public func sgdApplyVelocity(parameter p: UnsafeMutablePointer<Float>, velocity v: UnsafePointer<Float>, range: Range<Int>,
                             learningRate lr: Float) {
    for i in range { p[i] -= lr * v[i] }
}
