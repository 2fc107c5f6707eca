/// The shape of a multilayer perceptron: Linear -> activation -> ... -> Linear,
/// the activation after every hidden linear layer and none after the last.
///
/// `layerSizes` is `[inputSize] + hiddenSizes + [outputSize]`; layer i maps
/// `layerSizes[i]` features to `layerSizes[i + 1]`. The study's base net is
/// `MLPConfig(hiddenSizes: [512, 256, 256, 128], activation: .relu)`.
public struct MLPConfig: Codable, Equatable, Hashable, Sendable {
    public var inputSize: Int
    public var hiddenSizes: [Int]
    public var outputSize: Int
    public var activation: ActivationKind

    public init(inputSize: Int = 784, hiddenSizes: [Int], outputSize: Int = 10, activation: ActivationKind) {
        self.inputSize = inputSize; self.hiddenSizes = hiddenSizes
        self.outputSize = outputSize; self.activation = activation
    }

    /// The study's base network: 784-512-256-256-128-10.
    public static func base(_ activation: ActivationKind) -> MLPConfig {
        MLPConfig(hiddenSizes: [512, 256, 256, 128], activation: activation)
    }

    /// The study's deep variant: ten hidden layers.
    public static func deep(_ activation: ActivationKind) -> MLPConfig {
        MLPConfig(hiddenSizes: [256, 256, 256, 256, 256, 128, 128, 128, 128, 128], activation: activation)
    }

    public var layerSizes: [Int] { [inputSize] + hiddenSizes + [outputSize] }

    /// Number of linear layers (hidden layers + 1).
    public var linearCount: Int { hiddenSizes.count + 1 }

    /// Throws unless every size is positive.
    public func validate() throws {
        for (i, size) in layerSizes.enumerated() where size <= 0 {
            throw NetsError.argument("MLPConfig: layer size \(i) is \(size), expected a positive integer (sizes \(layerSizes))")
        }
    }
}
