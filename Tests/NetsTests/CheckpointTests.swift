import Foundation
import Testing
@testable import Nets

@Suite struct CheckpointTests {
    let config = MLPConfig(inputSize: 12, hiddenSizes: [8, 6], outputSize: 4, activation: .elu)

    @Test func modelRoundTripWithPyTorchNames() throws {
        let model = try randomModel(config, seed: 9)
        let bytes = try Checkpoint.encode(model: model)
        #expect(bytes == (try Checkpoint.encode(model: model.copy())))
        let (tensors, metadata) = try Safetensors.decode(bytes)
        #expect(tensors.keys.sorted() == ["layers.0.bias", "layers.0.weight", "layers.2.bias", "layers.2.weight", "layers.4.bias", "layers.4.weight"])
        #expect(tensors["layers.2.weight"]?.shape == [6, 8])
        #expect(metadata["config"] == #"{"activation":"elu","hiddenSizes":[8,6],"inputSize":12,"outputSize":4}"#)
        let decoded = try Checkpoint.decode(bytes)
        #expect(decoded.model.config == config)
        #expect(decoded.model.layers == model.layers)
        #expect(decoded.optimizer == nil)
    }

    @Test func optimizerStateRoundTrips() throws {
        let model = try randomModel(config, seed: 9)
        let sgd = try SGD(learningRate: 0.01, momentum: 0.9)
        let data = try syntheticImages(count: 40, features: 12, classes: 4, seed: 2)
        let trainer = try Trainer(model: model, optimizer: sgd, batchSize: 8)
        let noVelocity = try Checkpoint.decode(try Checkpoint.encode(model: model, optimizer: sgd))
        #expect(noVelocity.optimizer?.velocities == nil)
        #expect(noVelocity.optimizer?.learningRate == 0.01)
        _ = try trainer.trainEpoch(data: data, order: Array(0..<40))
        let bytes = try Checkpoint.encode(model: model, optimizer: sgd)
        let decoded = try Checkpoint.decode(bytes)
        #expect(decoded.optimizer?.momentum == 0.9)
        #expect(decoded.optimizer?.velocities == sgd.velocities)
        #expect(sgd.velocities != nil)
        #expect(bytes == (try Checkpoint.encode(model: decoded.model, optimizer: decoded.optimizer)))
    }

    func rejection(_ tensors: [String: Safetensors.Tensor], _ metadata: [String: String]) throws -> CheckpointError? {
        let bytes = try Safetensors.encode(tensors, metadata: metadata)
        do { _ = try Checkpoint.decode(bytes, source: "model.safetensors"); return nil } catch let e as CheckpointError {
            print("rejected: \(e)")
            return e
        }
    }

    @Test func wrongContentsAreRejected() throws {
        let model = try randomModel(config, seed: 9)
        let (good, metadata) = try Safetensors.decode(try Checkpoint.encode(model: model))
        var noConfig = metadata; noConfig["config"] = nil
        #expect(try rejection(good, noConfig)?.field == "__metadata__.config")
        var badConfig = metadata; badConfig["config"] = #"{"activation":"gelu","hiddenSizes":[8,6],"inputSize":12,"outputSize":4}"#
        #expect(try rejection(good, badConfig)?.field == "__metadata__.config")
        var missing = good; missing["layers.4.bias"] = nil
        #expect(try rejection(missing, metadata)?.field == "layers.4.bias")
        var wrongShape = good; wrongShape["layers.2.weight"] = .init(shape: [8, 6], values: good["layers.2.weight"]!.values)
        #expect(try rejection(wrongShape, metadata)?.field == "layers.2.weight")
        var extra = good; extra["layers.6.weight"] = .init(shape: [1], values: [0])
        #expect(try rejection(extra, metadata)?.field == "layers.6.weight")
    }
}
