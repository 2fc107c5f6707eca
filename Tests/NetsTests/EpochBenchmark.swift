import Foundation
import Testing
@testable import Nets

/// Times one training epoch of the study's base network (195 steps of 256,
/// 784-512-256-256-128-10) on 1 and 2 threads. Opt-in, in release:
/// `NETS_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter EpochBenchmark`.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["NETS_BENCH"] == "1", "set NETS_BENCH=1 to time an epoch"))
struct EpochBenchmark {
    func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    @Test(arguments: ActivationKind.allCases)
    func baseNetworkEpoch(kind: ActivationKind) throws {
        let data = try syntheticImages(count: 50_000, seed: 1)
        var results: [String] = []
        var hashes: Set<[UInt8]> = []
        for threads in [1, 2] {
            let trainer = try Trainer(model: try randomModel(.base(kind), seed: 42),
                                      optimizer: try SGD(learningRate: 0.01, momentum: 0.9), batchSize: 256)
            trainer.threads = threads
            let start = DispatchTime.now().uptimeNanoseconds, cpuStart = cpuSeconds()
            let stats = try trainer.trainEpoch(data: data, order: Array(0..<data.count))
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            // CPU time is reported too: on a shared machine wall time mostly measures the neighbours.
            results.append(String(format: "%d thread(s) wall %.3f s, cpu %.3f s (%d steps, loss %.4f)",
                                  threads, seconds, cpuSeconds() - cpuStart, stats.batches, stats.meanLoss))
            hashes.insert(try Checkpoint.encode(model: trainer.model))
        }
        print("epoch \(kind): " + results.joined(separator: "; "))
        #expect(hashes.count == 1, "1 and 2 threads must give the same model")
    }
}
