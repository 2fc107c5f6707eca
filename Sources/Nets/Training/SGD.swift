/// Stochastic gradient descent with momentum in PyTorch's form (dampening 0,
/// no Nesterov, no weight decay), for every weight and bias:
///
///     v = g                (first step)
///     v = momentum * v + g (later steps)
///     p = p - lr * v
///
/// With momentum 0 it is p = p - lr * g and keeps no velocity.
/// The velocities are state: save them (`velocities`) to resume training
/// byte-identically. Not thread-safe; one optimizer per model.
public final class SGD {
    public let learningRate: Float
    public let momentum: Float
    /// Per linear layer: velocity of W and of b (allocated by `prepare`).
    var weightVelocity: [FloatBuffer] = []
    var biasVelocity: [FloatBuffer] = []
    /// False until the first step (then v = g): PyTorch's "no momentum buffer yet".
    public private(set) var hasVelocity = false
    /// Steps taken by this object (not saved in checkpoints).
    public private(set) var steps = 0

    public init(learningRate: Float, momentum: Float = 0) throws {
        guard learningRate > 0, learningRate.isFinite else {
            throw NetsError.argument("SGD learning rate \(learningRate), expected a positive finite number")
        }
        guard momentum >= 0, momentum < 1 else {
            throw NetsError.argument("SGD momentum \(momentum), expected 0 <= momentum < 1")
        }
        self.learningRate = learningRate; self.momentum = momentum
    }

    /// The velocity buffers as layers (nil before the first step or with momentum 0).
    public var velocities: [LinearParameters]? {
        guard hasVelocity else { return nil }
        return zip(weightVelocity, biasVelocity).map { w, b in
            LinearParameters(checkedIn: w.count / b.count, out: b.count, weight: w.array(), bias: b.array())
        }
    }

    /// Restores velocities saved from a model of the same shape (nil means "no step taken yet").
    public func setVelocities(_ layers: [LinearParameters]?, for model: MLP) throws {
        guard let layers else { hasVelocity = false; return }
        let reference = model.layers
        guard momentum != 0 else {
            throw NetsError.argument("SGD with momentum 0 keeps no velocities, but velocities were given")
        }
        guard layers.count == reference.count,
              zip(layers, reference).allSatisfy({ $0.inFeatures == $1.inFeatures && $0.outFeatures == $1.outFeatures
                                                  && $0.weight.count == $1.weight.count && $0.bias.count == $1.bias.count }) else {
            throw NetsError.shape("SGD velocities \(layers.map { "\($0.outFeatures)x\($0.inFeatures)" }) do not match the model \(model.config.layerSizes)")
        }
        weightVelocity = layers.map { FloatBuffer($0.weight) }
        biasVelocity = layers.map { FloatBuffer($0.bias) }
        hasVelocity = true
    }

    /// Makes the velocity buffers before the first step, so no step allocates.
    func prepare(for model: MLP) {
        guard momentum != 0, weightVelocity.isEmpty else { return }
        weightVelocity = model.weights.map { FloatBuffer(count: $0.count) }
        biasVelocity = model.biases.map { FloatBuffer(count: $0.count) }
    }

    /// One update of `model` from the gradients in `ws`.
    func step(model: MLP, gradients ws: Workspace) {
        if momentum != 0 && weightVelocity.isEmpty { prepare(for: model) }
        let first = !hasVelocity
        for i in 0..<model.weights.count {
            update(model.weights[i], ws.weightGrad[i], momentum == 0 ? nil : weightVelocity[i], first: first)
            update(model.biases[i], ws.biasGrad[i], momentum == 0 ? nil : biasVelocity[i], first: first)
        }
        steps += 1
        if momentum != 0 { hasVelocity = true }
    }

    /// v and p in one pass over memory (the update is bandwidth-bound). Kept on one
    /// thread: splitting it measured no gain here and cost dispatch allocations.
    @inline(__always)
    private func update(_ p: FloatBuffer, _ g: FloatBuffer, _ v: FloatBuffer?, first: Bool) {
        let n = p.count, pp = p.pointer, gp = g.pointer, lr = learningRate, mu = momentum
        guard let vp = v?.pointer else {
            for i in 0..<n { pp[i] -= lr * gp[i] }
            return
        }
        if first {
            for i in 0..<n { let vi = gp[i]; vp[i] = vi; pp[i] -= lr * vi }
        } else {
            for i in 0..<n { let vi = mu * vp[i] + gp[i]; vp[i] = vi; pp[i] -= lr * vi }
        }
    }
}
