import Testing
import Nets

@Suite struct RandomLinearInitTests {
    let golden: RandomGolden
    init() throws { golden = try RandomGolden.load() }

    /// Compares one layer with the reference: shape, first 8 bit patterns, and SHA-256 of all bytes.
    private func check(_ layer: (weight: [Float], bias: [Float]), inFeatures: Int,
                       _ reference: RandomGolden.Layer, name: String) {
        #expect(reference.shape == [layer.bias.count, inFeatures], "\(name) shape")
        #expect(layer.weight.count == layer.bias.count * inFeatures, "\(name) weight count")
        let w8 = Array(layer.weight.prefix(8)), b8 = Array(layer.bias.prefix(8))
        print("\(name): max |diff| first8 weight \(maxAbsDifference(w8, reference.weight_first8.values)), "
              + "bias \(maxAbsDifference(b8, reference.bias_first8.values))")
        #expect(w8.map(bitsHex) == reference.weight_first8.bits, "\(name) weight first8")
        #expect(b8.map(bitsHex) == reference.bias_first8.bits, "\(name) bias first8")
        #expect(sha256LE(layer.weight) == reference.weight_sha256, "\(name) weight sha256")
        #expect(sha256LE(layer.bias) == reference.bias_sha256, "\(name) bias sha256")
    }

    @Test func linear784x512MatchesPyTorch() {
        var g = TorchGenerator(seed: 42)
        let layer = LinearInit.pytorchDefault(inFeatures: 784, outFeatures: 512, generator: &g)
        check(layer, inFeatures: 784, golden.linear784x512Seed42, name: "Linear(784, 512)")
        // Bound check: every weight within 1/sqrt(784) (kaiming with a = sqrt(5) reduces to it).
        #expect(layer.weight.allSatisfy { abs($0) <= Float(1.0 / 28.0) })
    }

    @Test func baseNetworkMatchesPyTorch() {
        let sizes = [784, 512, 256, 256, 128, 10]
        var g = TorchGenerator(seed: 42)
        let layers = LinearInit.mlp(sizes: sizes, generator: &g)
        #expect(layers.count == golden.baseNetworkSeed42.count)
        for (k, (layer, reference)) in zip(layers, golden.baseNetworkSeed42).enumerated() {
            check(layer, inFeatures: sizes[k], reference, name: "base layer \(k)")
        }
    }

    @Test func deepNetworkMatchesPyTorch() {
        let sizes = [784] + [Int](repeating: 256, count: 5) + [Int](repeating: 128, count: 5) + [10]
        var g = TorchGenerator(seed: 42)
        let layers = LinearInit.mlp(sizes: sizes, generator: &g)
        #expect(layers.count == golden.deepNetworkSeed42.count)
        for (k, (layer, reference)) in zip(layers, golden.deepNetworkSeed42).enumerated() {
            check(layer, inFeatures: sizes[k], reference, name: "deep layer \(k)")
        }
    }

    @Test func initialisationIsDeterministic() {
        var a = TorchGenerator(seed: 99), b = TorchGenerator(seed: 99)
        let x = LinearInit.mlp(sizes: [30, 20, 5], generator: &a)
        let y = LinearInit.mlp(sizes: [30, 20, 5], generator: &b)
        #expect(x.map(\.weight) == y.map(\.weight) && x.map(\.bias) == y.map(\.bias))
        #expect(a == b)
    }
}
