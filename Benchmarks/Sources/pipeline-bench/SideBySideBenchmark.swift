import Foundation
import Nets
import Synchronization

/// Two trainings at once on one thread each, against one training on all the
/// threads: the choice the study's scheduler makes when two trainings are
/// ready (docs/engine.md, "Scheduling"), measured rather than assumed.
///
/// Both trainings are the same activation from the same seed (the same work);
/// each round runs one epoch of each on its own thread, started together, and
/// its wall time / 2 is the round's seconds per epoch of throughput, to set
/// against `TrainingBenchmark`'s median epoch on `threads` threads.
struct SideBySideBenchmark {
    let data: BenchData
    let epochs: Int

    struct Result {
        var activation: ActivationKind
        /// Wall seconds of each round (two epochs, one per training).
        var roundSeconds: [Double]
        /// Median round / 2.
        var secondsPerEpoch: Double { (Statistics.median(roundSeconds) ?? .nan) / 2 }
    }

    func run(_ activation: ActivationKind) throws -> Result {
        let sessions = try (0..<2).map { _ in
            try TrainingBenchmark.Session(activation: activation, data: data, threads: 1)
        }
        var rounds: [Double] = []
        for _ in 0..<epochs {
            let failure = Mutex<(any Error)?>(nil)
            rounds.append(timed {
                DispatchQueue.concurrentPerform(iterations: 2) { i in
                    do { try sessions[i].timeEpoch() } catch { failure.withLock { $0 = error } }
                }
            }.seconds)
            if let error = failure.withLock({ $0 }) { throw error }
        }
        return Result(activation: activation, roundSeconds: rounds)
    }
}
