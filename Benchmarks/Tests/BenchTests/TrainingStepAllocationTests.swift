import Foundation
import Nets
import Testing
@testable import pipeline_bench

/// A training step allocates nothing on the thread that drives it, at 1 and 2
/// threads: 11 steps allocate exactly as much as 1 (the per-call setup).
/// (Only the calling thread is counted, since tests run in parallel; the
/// worker runs the same struct jobs. `make bench` counts every thread.)
@Suite struct TrainingStepAllocationTests {
    @Test(arguments: [1, 2])
    func aTrainingStepAllocatesNothing(threads: Int) throws {
        let config = MLPConfig(inputSize: 784, hiddenSizes: [128, 64], outputSize: 10, activation: .elu)
        var generator = TorchGenerator(seed: 42)
        let model = try MLP(config: config, layers: try TrainingBenchmark.initialLayers(config, &generator))
        let trainer = try Trainer(model: model, optimizer: try SGD(learningRate: 0.01, momentum: 0.9), batchSize: 128)
        trainer.threads = threads
        var pixels = [UInt8](repeating: 0, count: 1408 * 784)
        for i in pixels.indices { pixels[i] = UInt8(truncatingIfNeeded: i &* 2654435761 >> 7) }
        let images = try ByteImages(pixels: pixels, labels: (0..<1408).map { UInt8($0 % 10) })
        let one = Array(0..<128), eleven = Array(0..<1408)
        _ = try trainer.trainEpoch(data: images, order: one)  // first-call setup (velocities, caches)
        let a = try AllocationCounter.countingOnThisThread { try trainer.trainEpoch(data: images, order: one) }
        let b = try AllocationCounter.countingOnThisThread { try trainer.trainEpoch(data: images, order: eleven) }
        print("allocations on the calling thread, \(threads) thread(s): 1 step \(a.allocations), 11 steps \(b.allocations)")
        #expect(b.allocations == a.allocations)
        #expect(b.result.batches == 11)
    }
}
