import Foundation
import Hashing
import Testing
@testable import Nets

@Suite(.serialized) struct TrainerTests {
    // Three linear layers: the backward lanes wait on each other (lane 0 one layer behind lane 1),
    // and the first layer's dW (784 columns) is split between them.
    let config = MLPConfig(inputSize: 784, hiddenSizes: [96, 40], outputSize: 10, activation: .relu)

    @Test func pixelTableMapsBytesToMinusOneToOne() throws {
        let t = PixelNormalization.table
        #expect(t.count == 256 && t[0] == -1 && t[255] == 1)
        #expect(zip(t, t.dropFirst()).allSatisfy { $0 < $1 })
        #expect(abs(t[51] - -0.6) < 1e-6)
        let data = try syntheticImages(count: 3, seed: 1)
        let batch = try PixelNormalization.batch(data, indices: [2, 0])
        #expect(batch.row(0) == data.pixels[(2 * 784)..<(3 * 784)].map { t[Int($0)] })
        #expect(batch.row(1) == data.pixels[0..<784].map { t[Int($0)] })
    }

    func train(epochs: Int, threads: Int, seed: UInt64 = 4, activation: ActivationKind = .relu) throws -> (sha: String, stats: [EpochStats]) {
        let data = try syntheticImages(count: 600, seed: 8)
        var config = config
        config.activation = activation
        let trainer = try Trainer(model: try randomModel(config, seed: seed),
                                  optimizer: try SGD(learningRate: 0.1, momentum: 0.9), batchSize: 200)
        trainer.threads = threads
        var stats: [EpochStats] = []
        var rng = TestRandom(seed: 77)
        for _ in 0..<epochs {
            var order = Array(0..<data.count)
            for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, rng.int(below: i + 1)) }
            stats.append(try trainer.trainEpoch(data: data, order: order))
        }
        return (SHA256.hash(try Checkpoint.encode(model: trainer.model, optimizer: trainer.optimizer)).hex, stats)
    }

    /// The vectorised exp-based activations too: same bytes for 1, 2 and 3 threads.
    @Test(arguments: [ActivationKind.sigmoid, .tanh, .elu, .swish])
    func everyActivationIsDeterministicAcrossThreadCounts(kind: ActivationKind) throws {
        let shas = try [1, 2, 3].map { try train(epochs: 1, threads: $0, activation: kind).sha }
        print("\(kind) checkpoint sha256 at 1/2/3 threads: \(shas)")
        #expect(Set(shas).count == 1, "\(kind): \(shas)")
    }

    /// The SGD update fused into the backward lanes gives the bytes of computing
    /// the gradients first and then updating every parameter on one thread.
    @Test(arguments: [1, 2])
    func fusedUpdateEqualsGradientsThenStep(threads: Int) throws {
        let data = try syntheticImages(count: 400, seed: 3)
        let order = Array((0..<400).reversed())
        let fused = try Trainer(model: try randomModel(config, seed: 9),
                                optimizer: try SGD(learningRate: 0.05, momentum: 0.9), batchSize: 100, threads: threads)
        _ = try fused.trainEpoch(data: data, order: order)

        let model = try randomModel(config, seed: 9), sgd = try SGD(learningRate: 0.05, momentum: 0.9)
        let ws = Workspace(sizes: model.sizes, capacity: 100, threads: threads)
        for b in 0..<4 {
            let batch = try PixelNormalization.batch(data, indices: Array(order[(b * 100)..<((b + 1) * 100)]))
            ws.load(batch, labels: order[(b * 100)..<((b + 1) * 100)].map { data.labels[$0] })
            _ = model.step(ws, rows: 100)
            sgd.step(model: model, gradients: ws)
        }
        let a = fused.model.layers, b = model.layers
        var maxDiff: Float = 0
        for (x, y) in zip(a, b) { for (u, v) in zip(x.weight + x.bias, y.weight + y.bias) { maxDiff = max(maxDiff, abs(u - v)) } }
        print("fused vs separate update, \(threads) threads: max |diff| \(maxDiff)")
        #expect(a == b)
        #expect(fused.optimizer.velocities == sgd.velocities)
    }

    /// ELU and Swish store f' in the forward pass (`Activation.storesDerivative`);
    /// the backward pass must get the bits it gets when computing f' itself.
    @Test(arguments: [ActivationKind.elu, .swish], [1, 2])
    func storedDerivativesGiveTheBitsOfComputedOnes(kind: ActivationKind, threads: Int) throws {
        var config = config
        config.activation = kind
        #expect(type(of: kind.function).storesDerivative)
        let model = try randomModel(config, seed: 5)
        let data = try syntheticImages(count: 100, seed: 6)
        let batch = try PixelNormalization.batch(data, indices: Array(0..<100))
        let stored = Workspace(sizes: model.sizes, capacity: 100, threads: threads)
        stored.load(batch, labels: data.labels)
        let storedLoss = model.step(stored, rows: 100).loss

        let computed = Workspace(sizes: model.sizes, capacity: 100, threads: threads)
        computed.load(batch, labels: data.labels)
        model.forward(computed, rows: 100)
        let computedLoss = SoftmaxCrossEntropy.evaluate(
            logits: computed.z[model.weights.count - 1].pointer, labels: computed.labels, rows: 100,
            classes: 10, gradient: computed.delta[model.weights.count - 1].pointer).loss
        model.backward(computed, rows: 100)

        #expect(storedLoss == computedLoss)
        for (a, b) in zip(stored.weightGrad + stored.biasGrad + stored.delta, computed.weightGrad + computed.biasGrad + computed.delta) {
            #expect(a.array().map(\.bitPattern) == b.array().map(\.bitPattern))
        }
    }

    @Test func lanesSplitRowsAndColumnsAsDocumented() {
        #expect(Lanes.rows(0, of: 256) == 0..<128 && Lanes.rows(1, of: 256) == 128..<256)
        #expect(Lanes.rows(0, of: 5) == 0..<3 && Lanes.rows(1, of: 5) == 3..<5)
        #expect(Lanes.rows(0, of: 1) == 0..<1 && Lanes.rows(1, of: 1).isEmpty)
        #expect(Lanes.columns(0, of: 784) == 0..<384 && Lanes.columns(1, of: 784) == 384..<784)
        #expect(Lanes.columns(0, of: 10) == 0..<5 && Lanes.columns(1, of: 10) == 5..<10)
        #expect(Workspace(sizes: [4, 2], capacity: 1, threads: 8).threads == 2)
    }

    @Test func trainingLearnsAndIsDeterministicAcrossThreadCounts() throws {
        let one = try train(epochs: 3, threads: 1)
        let again = try train(epochs: 3, threads: 1)
        let two = try train(epochs: 3, threads: 2)
        let three = try train(epochs: 3, threads: 3)
        print("epochs: \(one.stats.map { String(format: "loss %.4f acc %.3f", $0.meanLoss, $0.accuracy) })")
        print("checkpoint sha256: 1 thread \(one.sha), again \(again.sha), 2 threads \(two.sha)")
        #expect(one.stats[2].meanLoss < 0.9 * one.stats[0].meanLoss)
        #expect(one.stats[2].accuracy > one.stats[0].accuracy)
        #expect(one.stats[0].batches == 3 && one.stats[0].samples == 600)
        #expect(one.sha == again.sha)
        #expect(one.sha == two.sha, "1 vs 2 threads")
        #expect(one.sha == three.sha, "1 vs 3 threads")
        #expect(one.stats == two.stats)
    }

    @Test func resumingFromACheckpointIsByteIdentical() throws {
        let straight = try train(epochs: 2, threads: 1)
        // Same run, but stopped after one epoch, saved, loaded and continued.
        let data = try syntheticImages(count: 600, seed: 8)
        var rng = TestRandom(seed: 77)
        func order() -> [Int] {
            var o = Array(0..<data.count)
            for i in stride(from: o.count - 1, to: 0, by: -1) { o.swapAt(i, rng.int(below: i + 1)) }
            return o
        }
        let first = try Trainer(model: try randomModel(config, seed: 4),
                                optimizer: try SGD(learningRate: 0.1, momentum: 0.9), batchSize: 200)
        _ = try first.trainEpoch(data: data, order: order())
        let saved = try Checkpoint.decode(try Checkpoint.encode(model: first.model, optimizer: first.optimizer))
        let resumed = try Trainer(model: saved.model, optimizer: try #require(saved.optimizer), batchSize: 200)
        _ = try resumed.trainEpoch(data: data, order: order())
        #expect(SHA256.hash(try Checkpoint.encode(model: resumed.model, optimizer: resumed.optimizer)).hex == straight.sha)
    }

    @Test func progressAndDropLast() throws {
        let data = try syntheticImages(count: 100, seed: 3)
        let trainer = try Trainer(model: try randomModel(config, seed: 1),
                                  optimizer: try SGD(learningRate: 0.01, momentum: 0.9), batchSize: 32)
        var seen: [Int] = []
        let dropped = try trainer.trainEpoch(data: data, order: Array(0..<100)) { p in
            seen.append(p.batch)
            #expect(p.batchCount == 3 && p.runningLoss > 0 && p.runningAccuracy <= 1)
        }
        #expect(seen == [0, 1, 2] && dropped.samples == 96)
        let kept = try trainer.trainEpoch(data: data, order: Array(0..<100), dropLast: false)
        #expect(kept.batches == 4 && kept.samples == 100)
    }

    @Test func evaluateCountsArgmaxMatches() throws {
        let data = try syntheticImages(count: 150, seed: 6)
        let model = try randomModel(config, seed: 2)
        let trainer = try Trainer(model: model, optimizer: try SGD(learningRate: 0.01), batchSize: 64)
        let indices = Array(stride(from: 149, through: 0, by: -2))
        let (correct, total) = try trainer.evaluate(data: data, indices: indices)
        let logits = try model.forward(PixelNormalization.batch(data, indices: indices))
        let expected = indices.enumerated().filter { r, i in
            let row = logits.row(r)
            return row.firstIndex(of: row.max()!) == Int(data.labels[i])
        }.count
        #expect(total == 75 && correct == expected)
    }

    @Test func forwardCapturingReturnsEveryLayerButTheLast() throws {
        let data = try syntheticImages(count: 5, seed: 6)
        let model = try randomModel(.base(.relu), seed: 2)
        let trainer = try Trainer(model: model, optimizer: try SGD(learningRate: 0.01), batchSize: 4)
        let outputs = try trainer.forwardCapturing(data: data, indices: [0, 1, 2, 3, 4])
        #expect(outputs.map(\.cols) == [512, 512, 256, 256, 256, 256, 128, 128])
        #expect(outputs.allSatisfy { $0.rows == 5 })
        for k in stride(from: 0, to: 8, by: 2) {
            #expect(outputs[k + 1].values == outputs[k].values.map { max($0, 0) })
        }
        // The last captured activation feeds the last linear layer: logits agree.
        let last = model.layers[4]
        let logits = try model.forward(PixelNormalization.batch(data, indices: [0, 1, 2, 3, 4]))
        var z0 = last.bias[3]
        for k in 0..<128 { z0 += outputs[7][2, k] * last.weight[3 * 128 + k] }
        #expect(abs(z0 - logits[2, 3]) < 1e-4)
    }

    @Test func deadNeuronsAreThoseAlwaysExactlyZero() throws {
        let small = MLPConfig(inputSize: 784, hiddenSizes: [3, 2], outputSize: 10, activation: .relu)
        var rng = TestRandom(seed: 1)
        let model = try MLP(config: small, layers: [
            // Zero weights: outputs relu(-1) = 0, relu(1) = 1, relu(0) = 0 for every image.
            LinearParameters(inFeatures: 784, outFeatures: 3, weight: [Float](repeating: 0, count: 3 * 784), bias: [-1, 1, 0]),
            LinearParameters(inFeatures: 3, outFeatures: 2, weight: [0, 0, 0, 0, 1, 0], bias: [0, 0]),
            LinearParameters(inFeatures: 2, outFeatures: 10, weight: rng.floats(20, -1, 1), bias: rng.floats(10, -1, 1)),
        ])
        let trainer = try Trainer(model: model, optimizer: try SGD(learningRate: 0.01), batchSize: 3)
        let data = try syntheticImages(count: 7, seed: 2)
        #expect(try trainer.deadNeurons(data: data, indices: Array(0..<7)) == [[true, false, true], [true, false]])
        // A random ReLU net: dead exactly when the captured activations are all zero.
        let random = try Trainer(model: try randomModel(MLPConfig(inputSize: 784, hiddenSizes: [40, 30], outputSize: 10, activation: .relu), seed: 5),
                                 optimizer: try SGD(learningRate: 0.01), batchSize: 4)
        let captured = try random.forwardCapturing(data: data, indices: Array(0..<7))
        let expected = [1, 3].map { k in (0..<captured[k].cols).map { c in (0..<7).allSatisfy { captured[k][$0, c] == 0 } } }
        #expect(try random.deadNeurons(data: data, indices: Array(0..<7)) == expected)
        print("dead neurons in a random 784-40-30-10 ReLU net on 7 images: \(expected.map { $0.filter { $0 }.count })")
    }

    @Test func badInputsThrow() throws {
        let data = try syntheticImages(count: 10, seed: 6)
        let trainer = try Trainer(model: try randomModel(config, seed: 2), optimizer: try SGD(learningRate: 0.01), batchSize: 4)
        #expect(throws: NetsError.self) { try trainer.trainEpoch(data: data, order: [0, 10]) }
        #expect(throws: NetsError.self) { try trainer.evaluate(data: data, indices: [-1]) }
        #expect(throws: NetsError.self) { try ByteImages(pixels: [1, 2, 3], labels: [0], featureCount: 784) }
        let wrongWidth = try syntheticImages(count: 4, features: 10, seed: 1)
        #expect(throws: NetsError.self) { try trainer.evaluate(data: wrongWidth, indices: [0]) }
        #expect(throws: NetsError.self) { try MLP(config: config, layers: []) }
        #expect(throws: NetsError.self) { try trainer.gradients(data: data, indices: []) }
        #expect(try PixelNormalization.batch(data, indices: []).rows == 0)
        #expect(try trainer.evaluate(data: data, indices: []) == (0, 0))
    }
}
