/// `nn.Linear`'s default initialisation (`reset_parameters`), drawn from a `TorchGenerator`.
///
/// Order: all weights (row-major, `out x in`, PyTorch's layout), then the bias. Bounds are computed
/// in Double exactly as Python does, then handed to `uniform` (which rounds them to Float):
/// - weight: `kaiming_uniform_(a: sqrt(5))`: `gain = sqrt(2 / (1 + a*a))`, `std = gain / sqrt(fanIn)`,
///   `bound = sqrt(3) * std` (mathematically `1/sqrt(fanIn)`; in Double it differs in the last bit for
///   fan-in 512, 256, 128, yet rounds to the same Float bound, so weights and biases share one bound);
/// - bias: `bound = 1 / sqrt(fanIn)`.
/// Each is `uniform(-bound, bound)`.
public struct LinearInit {
    /// One layer. Precondition: both sizes positive (validated by the caller).
    public static func pytorchDefault(inFeatures: Int, outFeatures: Int,
                                      generator: inout TorchGenerator) -> (weight: [Float], bias: [Float]) {
        precondition(inFeatures > 0 && outFeatures > 0,
                     "LinearInit: layer sizes must be positive, got \(inFeatures) -> \(outFeatures)")
        let fanIn = Double(inFeatures)
        let a = 5.0.squareRoot()
        let gain = (2.0 / (1.0 + a * a)).squareRoot()
        let weightBound = 3.0.squareRoot() * (gain / fanIn.squareRoot())
        let weight = generator.uniform(count: inFeatures * outFeatures, from: -weightBound, to: weightBound)
        let biasBound = 1.0 / fanIn.squareRoot()
        let bias = generator.uniform(count: outFeatures, from: -biasBound, to: biasBound)
        return (weight, bias)
    }

    /// Every layer of an MLP, in construction order: layer k maps `sizes[k]` to `sizes[k+1]`,
    /// e.g. `[784, 512, 256, 256, 128, 10]` gives 5 layers. Activations draw nothing, so this equals
    /// building the `nn.Sequential` right after seeding. Precondition: at least two sizes, all positive.
    public static func mlp(sizes: [Int], generator: inout TorchGenerator) -> [(weight: [Float], bias: [Float])] {
        precondition(sizes.count >= 2, "LinearInit.mlp: need at least input and output sizes, got \(sizes)")
        var layers: [(weight: [Float], bias: [Float])] = []
        layers.reserveCapacity(sizes.count - 1)
        for k in 0..<(sizes.count - 1) {
            layers.append(pytorchDefault(inFeatures: sizes[k], outFeatures: sizes[k + 1], generator: &generator))
        }
        return layers
    }
}
