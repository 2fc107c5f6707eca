import Foundation
import Testing
@testable import Nets

/// Every weight, bias and input gradient of the whole MLP + cross-entropy
/// against central differences of an independent Double implementation.
@Suite struct GradientCheckTests {
    @Test(arguments: ActivationKind.allCases)
    func mlpGradientsMatchFiniteDifferences(kind: ActivationKind) throws {
        let config = MLPConfig(inputSize: 6, hiddenSizes: [5, 4], outputSize: 3, activation: kind)
        let model = try randomModel(config, seed: 11)
        var rng = TestRandom(seed: 5)
        let rows = 4
        let input = try Matrix(rows: rows, cols: 6, values: rng.floats(rows * 6, -1, 1))
        let labels: [UInt8] = [0, 2, 1, 2]
        let grads = try model.gradients(input: input, labels: labels, includeInput: true)

        var weights = model.layers.map { $0.weight.map(Double.init) }
        var biases = model.layers.map { $0.bias.map(Double.init) }
        var x = input.values.map(Double.init)
        func loss() -> Double {
            referenceLoss(config: config, weights: weights, biases: biases, input: x, rows: rows, labels: labels)
        }
        #expect(abs(Double(grads.loss) - loss()) < 1e-5, "loss \(grads.loss) vs \(loss())")

        let h = 1e-6
        enum Slot { case weight(Int, Int), bias(Int, Int), input(Int) }
        func shift(_ slot: Slot, by d: Double) {
            switch slot {
            case let .weight(l, k): weights[l][k] += d
            case let .bias(l, k): biases[l][k] += d
            case let .input(k): x[k] += d
            }
        }
        // Central difference; shifting back by the same amounts restores the value exactly enough (1e-6 on O(1)).
        func central(_ slot: Slot) -> Double {
            let saved: Double
            switch slot {
            case let .weight(l, k): saved = weights[l][k]
            case let .bias(l, k): saved = biases[l][k]
            case let .input(k): saved = x[k]
            }
            shift(slot, by: h); let up = loss()
            shift(slot, by: -2 * h); let down = loss()
            shift(slot, by: h)
            switch slot {
            case let .weight(l, k): weights[l][k] = saved
            case let .bias(l, k): biases[l][k] = saved
            case let .input(k): x[k] = saved
            }
            return (up - down) / (2 * h)
        }
        var worst = 0.0
        for i in 0..<weights.count {
            let numericW = (0..<weights[i].count).map { central(.weight(i, $0)) }
            let numericB = (0..<biases[i].count).map { central(.bias(i, $0)) }
            let dw = maxRelativeDifference(grads.weights[i].values.map(Double.init), numericW, floor: 1e-3)
            let db = maxRelativeDifference(grads.biases[i].map(Double.init), numericB, floor: 1e-3)
            print("\(kind) layer \(i): max rel diff weight \(dw), bias \(db)")
            worst = max(worst, dw, db)
        }
        let numericX = (0..<x.count).map { central(.input($0)) }
        let inputGradient = try #require(grads.input)
        let dx = maxRelativeDifference(inputGradient.values.map(Double.init), numericX, floor: 1e-3)
        print("\(kind) input: max rel diff \(dx)")
        worst = max(worst, dx)
        #expect(worst < 1e-3)
    }
}
