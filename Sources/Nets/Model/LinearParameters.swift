/// The parameters of one fully connected layer: y = x W^T + b.
///
/// `weight` is outFeatures x inFeatures, row-major, as PyTorch's `nn.Linear`
/// stores it (W[o, i] at `weight[o * inFeatures + i]`); `bias` has outFeatures
/// entries. PyTorch's default init (see `LinearInit.pytorchDefault`) draws the
/// weight by kaiming_uniform(a = sqrt(5)), which is U(-1/sqrt(fan_in),
/// 1/sqrt(fan_in)), and the bias from the same law, fan_in = inFeatures.
public struct LinearParameters: Equatable, Sendable {
    public var inFeatures: Int
    public var outFeatures: Int
    public var weight: [Float]
    public var bias: [Float]

    public init(inFeatures: Int, outFeatures: Int, weight: [Float], bias: [Float]) throws {
        guard inFeatures > 0, outFeatures > 0 else {
            throw NetsError.argument("Linear: sizes \(outFeatures) x \(inFeatures) must be positive")
        }
        guard weight.count == inFeatures * outFeatures else {
            throw NetsError.shape("Linear weight has \(weight.count) values, expected \(outFeatures) x \(inFeatures) = \(inFeatures * outFeatures)")
        }
        guard bias.count == outFeatures else {
            throw NetsError.shape("Linear bias has \(bias.count) values, expected \(outFeatures)")
        }
        self.inFeatures = inFeatures; self.outFeatures = outFeatures
        self.weight = weight; self.bias = bias
    }

    /// A zero layer of the given shape (sizes below 1 are raised to 1).
    public static func zeros(inFeatures: Int, outFeatures: Int) -> LinearParameters {
        let inF = max(1, inFeatures), outF = max(1, outFeatures)
        return LinearParameters(checkedIn: inF, out: outF,
                                weight: [Float](repeating: 0, count: inF * outF),
                                bias: [Float](repeating: 0, count: outF))
    }

    /// For callers that already hold consistent sizes.
    init(checkedIn inFeatures: Int, out outFeatures: Int, weight: [Float], bias: [Float]) {
        self.inFeatures = inFeatures; self.outFeatures = outFeatures
        self.weight = weight; self.bias = bias
    }
}
