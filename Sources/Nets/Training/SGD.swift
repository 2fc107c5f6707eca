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
        cached = nil
        hasVelocity = true
    }

    /// Makes the velocity buffers before the first step, so no step allocates.
    func prepare(for model: MLP) {
        guard momentum != 0, weightVelocity.isEmpty else { return }
        weightVelocity = model.weights.map { FloatBuffer(count: $0.count) }
        biasVelocity = model.biases.map { FloatBuffer(count: $0.count) }
        cached = nil
    }

    /// One update of `model` from the gradients in `ws`, on the calling thread
    /// (training fuses the update into the backward pass instead: `Trainer`).
    func step(model: MLP, gradients ws: Workspace) {
        let update = pendingUpdate(for: model)
        for (i, layer) in ws.layers(of: model).enumerated() {
            update.apply(layer: i, layer, columns: 0..<layer.inF, bias: true)
        }
        finishStep()
    }

    /// The update the next step applies; call `finishStep` once it has been applied to every parameter.
    func pendingUpdate(for model: MLP) -> ParameterUpdate {
        if momentum != 0 && weightVelocity.isEmpty { prepare(for: model) }
        if cached?.model !== model {
            let none = [UnsafeMutablePointer<Float>?](repeating: nil, count: model.weights.count)
            cached = momentum == 0 ? (model, none, none)
                : (model, weightVelocity.map { Optional($0.pointer) }, biasVelocity.map { Optional($0.pointer) })
        }
        return ParameterUpdate(learningRate: learningRate, momentum: momentum, first: !hasVelocity,
                               weightVelocity: cached!.weights, biasVelocity: cached!.biases)
    }

    /// Records that the pending update was applied.
    func finishStep() {
        steps += 1
        if momentum != 0 { hasVelocity = true }
    }

    /// The velocity pointers, kept so a step allocates nothing; reset whenever the buffers are replaced.
    private var cached: (model: MLP, weights: [UnsafeMutablePointer<Float>?], biases: [UnsafeMutablePointer<Float>?])?
}
