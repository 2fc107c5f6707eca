/// A multilayer perceptron with its parameters (see `MLPConfig` for the shape).
///
/// Layer i computes z_i = a_{i-1} W_i^T + b_i (a_{-1} = input), and for every
/// layer but the last a_i = f(z_i). The last z is the logits.
/// Parameters live in owned buffers that training updates in place; `layers`
/// returns copies. Not thread-safe: one model per training task.
public final class MLP {
    public let config: MLPConfig
    let activation: any Activation
    /// Per linear layer: W (out x in, row-major) and b.
    let weights: [FloatBuffer]
    let biases: [FloatBuffer]
    /// `config.layerSizes`, cached.
    let sizes: [Int]

    /// A model of shape `config` holding `layers` (one per linear layer, in order).
    /// Throws `NetsError` when the count or any layer's shape disagrees with the config.
    public init(config: MLPConfig, layers: [LinearParameters]) throws {
        try config.validate()
        let sizes = config.layerSizes
        guard layers.count == config.linearCount else {
            throw NetsError.shape("MLP: \(layers.count) linear layers given, config \(sizes) needs \(config.linearCount)")
        }
        for (i, layer) in layers.enumerated() {
            guard layer.inFeatures == sizes[i], layer.outFeatures == sizes[i + 1],
                  layer.weight.count == sizes[i] * sizes[i + 1], layer.bias.count == sizes[i + 1] else {
                throw NetsError.shape("MLP layer \(i): got \(layer.outFeatures) x \(layer.inFeatures) (weight \(layer.weight.count), bias \(layer.bias.count) values), expected \(sizes[i + 1]) x \(sizes[i])")
            }
        }
        self.config = config
        self.sizes = sizes
        activation = config.activation.function
        weights = layers.map { FloatBuffer($0.weight) }
        biases = layers.map { FloatBuffer($0.bias) }
    }

    /// A model whose parameters are all zero (a shape to decode into, or for tests).
    public convenience init(zerosFor config: MLPConfig) throws {
        try config.validate()
        let sizes = config.layerSizes
        try self.init(config: config, layers: (0..<config.linearCount).map {
            LinearParameters.zeros(inFeatures: sizes[$0], outFeatures: sizes[$0 + 1])
        })
    }

    /// Copies of the parameters, one entry per linear layer.
    public var layers: [LinearParameters] {
        (0..<weights.count).map {
            LinearParameters(checkedIn: sizes[$0], out: sizes[$0 + 1],
                             weight: weights[$0].array(), bias: biases[$0].array())
        }
    }

    /// An independent copy (same config, same parameter values).
    public func copy() -> MLP {
        MLP(validConfig: config,
            weights: weights.map { FloatBuffer($0.array()) },
            biases: biases.map { FloatBuffer($0.array()) })
    }

    private init(validConfig: MLPConfig, weights: [FloatBuffer], biases: [FloatBuffer]) {
        config = validConfig
        sizes = validConfig.layerSizes
        activation = validConfig.activation.function
        self.weights = weights
        self.biases = biases
    }

    /// Replaces the parameters of `other`-shaped model by ours (used to keep a best model without allocating).
    public func copyParameters(to other: MLP) throws {
        guard other.config.layerSizes == sizes else {
            throw NetsError.shape("copyParameters: sizes \(other.config.layerSizes) differ from \(sizes)")
        }
        for i in 0..<weights.count {
            other.weights[i].pointer.update(from: weights[i].pointer, count: weights[i].count)
            other.biases[i].pointer.update(from: biases[i].pointer, count: biases[i].count)
        }
    }

    /// Total number of trainable values.
    public var parameterCount: Int { weights.reduce(0) { $0 + $1.count } + biases.reduce(0) { $0 + $1.count } }
}
