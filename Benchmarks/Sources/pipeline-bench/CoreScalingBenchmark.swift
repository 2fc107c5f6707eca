import CoreScaling
import Foundation
import Synchronization

/// How far this machine's cores scale for pure arithmetic: register-only
/// multiply-adds (`core_scaling_multiply_adds`: no loads, no stores, so no
/// cache or memory is shared) on one thread, then on `threads` at once.
///
/// On dedicated cores the rate on N threads is N times one thread's. On a VM
/// whose virtual cores are hyperthreads of one physical core, or share a
/// power budget, it is less, and then the ideal floor (the 1-thread sgemm
/// rate times N) is out of reach of any N-thread code: the `compute floor`
/// divides the 1-thread GEMM floor by the measured scaling instead.
struct CoreScalingBenchmark {
    let threads: Int
    /// Multiply-add rounds per timed call (160 FLOP each): about 0.15 s at 100 GFLOP/s.
    var rounds = 100_000_000
    var repeats = 3

    struct Result: Sendable {
        let oneThreadGflops: Double
        /// Every thread together, from the slowest thread's time.
        let allThreadsGflops: Double
        let usesFMA: Bool
        /// `allThreadsGflops / oneThreadGflops`: `threads` on dedicated cores.
        var scaling: Double { allThreadsGflops / oneThreadGflops }
    }

    static let flopsPerRound = 160.0

    func run() -> Result {
        let flops = Self.flopsPerRound * Double(rounds)
        var one: [Double] = [], all: [Double] = []
        for _ in 0..<repeats {
            one.append(flops / Self.timed(rounds))
            let slowest = Mutex(0.0)
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                let t = Self.timed(rounds)
                slowest.withLock { $0 = max($0, t) }
            }
            all.append(Double(threads) * flops / slowest.withLock { $0 })
        }
        return Result(oneThreadGflops: (Statistics.median(one) ?? .nan) / 1e9, allThreadsGflops: (Statistics.median(all) ?? .nan) / 1e9,
                      usesFMA: core_scaling_uses_fma() != 0)
    }

    /// Wall seconds of one call on the calling thread.
    private static func timed(_ rounds: Int) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        _ = core_scaling_multiply_adds(rounds, 0.999_999_9, 1e-7)  // a C call: the compiler cannot drop it
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
