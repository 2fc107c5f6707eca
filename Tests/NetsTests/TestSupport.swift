import Foundation
@testable import Nets

/// A tiny deterministic generator for test data (not PyTorch's; see Random/).
struct TestRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E3779B97F4A7C15 | 1 }
    mutating func next() -> UInt64 {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        return state
    }
    /// Uniform in [lo, hi).
    mutating func float(_ lo: Float, _ hi: Float) -> Float {
        lo + (hi - lo) * Float(next() >> 40) / Float(1 << 24)
    }
    mutating func floats(_ n: Int, _ lo: Float, _ hi: Float) -> [Float] { (0..<n).map { _ in float(lo, hi) } }
    mutating func int(below n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// A model with parameters drawn like PyTorch's default law, U(-1/sqrt(in), 1/sqrt(in)).
func randomModel(_ config: MLPConfig, seed: UInt64) throws -> MLP {
    var rng = TestRandom(seed: seed)
    let sizes = config.layerSizes
    let layers = try (0..<config.linearCount).map { i -> LinearParameters in
        let bound = 1 / Float(sizes[i]).squareRoot()
        return try LinearParameters(inFeatures: sizes[i], outFeatures: sizes[i + 1],
                                    weight: rng.floats(sizes[i] * sizes[i + 1], -bound, bound),
                                    bias: rng.floats(sizes[i + 1], -bound, bound))
    }
    return try MLP(config: config, layers: layers)
}

/// Synthetic byte images whose class is visible in the pixels, so training can learn.
func syntheticImages(count: Int, features: Int = 784, classes: Int = 10, seed: UInt64) throws -> ByteImages {
    var rng = TestRandom(seed: seed)
    var pixels = [UInt8](repeating: 0, count: count * features)
    var labels = [UInt8](repeating: 0, count: count)
    for i in 0..<count {
        let label = rng.int(below: classes)
        labels[i] = UInt8(label)
        for j in 0..<features {
            let signal = (j % classes == label) ? 160 : 0
            pixels[i * features + j] = UInt8(min(255, signal + rng.int(below: 96)))
        }
    }
    return try ByteImages(pixels: pixels, labels: labels, featureCount: features)
}

/// The activations again, in Double and written independently of Nets, as the reference.
func referenceActivation(_ kind: ActivationKind, _ x: Double) -> Double {
    switch kind {
    case .sigmoid: return 1 / (1 + exp(-x))
    case .tanh: return Foundation.tanh(x)
    case .relu: return max(x, 0)
    case .leakyrelu: return x > 0 ? x : 0.1 * x
    case .elu: return x > 0 ? x : exp(x) - 1
    case .swish: return x / (1 + exp(-x))
    }
}

/// Mean cross-entropy of the MLP in Double, from the given parameters (flattened per layer).
func referenceLoss(config: MLPConfig, weights: [[Double]], biases: [[Double]],
                   input: [Double], rows: Int, labels: [UInt8]) -> Double {
    let sizes = config.layerSizes
    var a = input
    for i in 0..<config.linearCount {
        let inF = sizes[i], outF = sizes[i + 1]
        var z = [Double](repeating: 0, count: rows * outF)
        for r in 0..<rows {
            for o in 0..<outF {
                var s = biases[i][o]
                for k in 0..<inF { s += a[r * inF + k] * weights[i][o * inF + k] }
                z[r * outF + o] = i < config.linearCount - 1 ? referenceActivation(config.activation, s) : s
            }
        }
        a = z
    }
    let classes = sizes.last!
    var total = 0.0
    for r in 0..<rows {
        let row = a[(r * classes)..<((r + 1) * classes)]
        let m = row.max()!
        let lse = m + log(row.reduce(0) { $0 + exp($1 - m) })
        total += lse - row[r * classes + Int(labels[r])]
    }
    return total / Double(rows)
}

/// max over i of |a - b| / max(|a|, |b|, floor): relative difference with a floor for tiny values.
func maxRelativeDifference(_ a: [Double], _ b: [Double], floor: Double) -> Double {
    zip(a, b).map { abs($0 - $1) / max(abs($0), abs($1), floor) }.max() ?? 0
}
