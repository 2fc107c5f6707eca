import Foundation
import Testing
@testable import Nets

/// Times one training epoch of the study's base network (195 steps of 256,
/// 784-512-256-256-128-10) on 1 and 2 threads. Opt-in, in release:
/// `NETS_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter EpochBenchmark`.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["NETS_BENCH"] == "1", "set NETS_BENCH=1 to time an epoch"))
struct EpochBenchmark {
    @Test(arguments: ActivationKind.allCases)
    func baseNetworkEpoch(kind: ActivationKind) throws {
        let data = try syntheticImages(count: 50_000, seed: 1)
        var results: [String] = []
        var hashes: Set<[UInt8]> = []
        for threads in [1, 2] {
            BLAS.setThreads(threads)
            let trainer = try Trainer(model: try randomModel(.base(kind), seed: 42),
                                      optimizer: try SGD(learningRate: 0.01, momentum: 0.9), batchSize: 256)
            let start = DispatchTime.now().uptimeNanoseconds
            let stats = try trainer.trainEpoch(data: data, order: Array(0..<data.count))
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            results.append(String(format: "%d thread(s) %.3f s (%d steps, loss %.4f)", threads, seconds, stats.batches, stats.meanLoss))
            hashes.insert(try Checkpoint.encode(model: trainer.model))
        }
        BLAS.setThreads(1)
        print("epoch \(kind): " + results.joined(separator: "; "))
        #expect(hashes.count == 1, "1 and 2 threads must give the same model")
    }
}
