import Testing
@testable import Nets

@Suite struct SGDTests {
    /// One linear layer 1 -> 1 whose gradients we set by hand.
    func setup(momentum: Float) throws -> (MLP, SGD, Workspace) {
        let config = MLPConfig(inputSize: 1, hiddenSizes: [], outputSize: 1, activation: .relu)
        let model = try MLP(config: config, layers: [LinearParameters(inFeatures: 1, outFeatures: 1, weight: [1], bias: [-2])])
        return (model, try SGD(learningRate: 0.1, momentum: momentum), Workspace(sizes: [1, 1], capacity: 1))
    }

    @Test func momentumStepsMatchHandComputedValues() throws {
        let (model, sgd, ws) = try setup(momentum: 0.9)
        // w: g = 0.5, 0.5, -1 -> v = 0.5, 0.95, -0.145 -> w = 0.95, 0.855, 0.8695
        // b: g = 1, 0, 0      -> v = 1, 0.9, 0.81     -> b = -2.1, -2.19, -2.271
        let wg: [Float] = [0.5, 0.5, -1], bg: [Float] = [1, 0, 0]
        let expectedW: [Float] = [0.95, 0.855, 0.8695], expectedB: [Float] = [-2.1, -2.19, -2.271]
        let expectedV: [Float] = [0.5, 0.95, -0.145]
        #expect(sgd.velocities == nil)
        for step in 0..<3 {
            ws.weightGrad[0].pointer[0] = wg[step]
            ws.biasGrad[0].pointer[0] = bg[step]
            sgd.step(model: model, gradients: ws)
            let layer = model.layers[0]
            print("step \(step): w \(layer.weight[0]) (hand \(expectedW[step])), b \(layer.bias[0]) (hand \(expectedB[step]))")
            #expect(abs(layer.weight[0] - expectedW[step]) < 1e-6)
            #expect(abs(layer.bias[0] - expectedB[step]) < 1e-6)
            #expect(abs((sgd.velocities?[0].weight[0] ?? .nan) - expectedV[step]) < 1e-6)
        }
    }

    @Test func plainSGDWithoutMomentum() throws {
        let (model, sgd, ws) = try setup(momentum: 0)
        ws.weightGrad[0].pointer[0] = 2
        ws.biasGrad[0].pointer[0] = -1
        sgd.step(model: model, gradients: ws)
        sgd.step(model: model, gradients: ws)
        #expect(abs(model.layers[0].weight[0] - 0.6) < 1e-6)
        #expect(abs(model.layers[0].bias[0] - -1.8) < 1e-6)
        #expect(sgd.velocities == nil)
    }

    @Test func invalidHyperparametersAreRejected() {
        #expect(throws: NetsError.self) { try SGD(learningRate: 0, momentum: 0.9) }
        #expect(throws: NetsError.self) { try SGD(learningRate: 0.01, momentum: 1) }
    }
}
