import Foundation
import Nets
import Synchronization

/// Times `cblas_sgemm` alone on the shapes of one training step.
///
/// Each shape is one whole-batch call on one thread (OpenBLAS's own speed,
/// single-threaded as in `Nets`). Epoch FLOPs over this rate, divided by the
/// training's thread count, is the ideal floor: an epoch that did nothing but
/// its products, on whole shapes, with perfect scaling over the threads.
///
/// Each shape gets its own operands (filled with a fixed pseudo-random sequence
/// in [-1, 1), so every run computes the same products); two untimed warm-up
/// calls; `repeats` calls under the allocation counter; then `repeats` timed
/// calls, of which the median is the shape's time. The step's GEMM time is the
/// sum of the per-shape medians, and the rate is step FLOPs / that sum.
struct SgemmBenchmark {
    struct ShapeTiming: Sendable {
        var shape: GemmShape
        var medianSeconds: Double
        /// Heap allocations of one call (OpenBLAS's own, e.g. for its thread server).
        var allocationsPerCall: Double
        var gflops: Double { shape.flops / medianSeconds / 1e9 }
    }

    struct Result: Sendable {
        var threads: Int
        var shapes: [ShapeTiming]
        var stepSeconds: Double { shapes.reduce(0) { $0 + $1.medianSeconds } }
        var allocationsPerStep: Double { shapes.reduce(0) { $0 + $1.allocationsPerCall } }
        var gflops: Double { shapes.reduce(0) { $0 + $1.shape.flops } / stepSeconds / 1e9 }
    }

    let step: TrainingStepGemms
    let repeats: Int

    func run() -> Result {
        Result(threads: 1, shapes: step.shapes.map(time))
    }

    /// `run` on `threads` threads at once, each on its own operands: what
    /// whole-batch sgemm gets per thread when every core is busy (shared caches,
    /// memory bandwidth and clock), the floor of `threads` independent trainings.
    /// The slowest thread's result; its allocation counts mix the threads' calls.
    func runConcurrently(threads: Int) -> Result {
        let results = Mutex<[Result]>([])
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            let r = run()
            results.withLock { $0.append(r) }
        }
        var slowest = results.withLock { $0 }.max { $0.stepSeconds < $1.stepSeconds }!
        slowest.threads = threads
        return slowest
    }

    private func time(_ s: GemmShape) -> ShapeTiming {
        var seed: UInt32 = 12345
        func fill(_ count: Int) -> [Float] {
            (0..<count).map { _ in
                seed = seed &* 1_664_525 &+ 1_013_904_223   // Numerical Recipes LCG
                return Float(seed >> 8) / Float(1 << 23) - 1
            }
        }
        let a = fill(s.m * s.k), b = fill(s.k * s.n)
        var c = [Float](repeating: 0, count: s.m * s.n)
        // Leading dimensions of row-major storage, as BLAS.gemm computes them.
        let lda = s.transA ? s.m : s.k, ldb = s.transB ? s.k : s.n, ldc = s.n
        var samples: [Double] = []
        samples.reserveCapacity(repeats)
        var allocations = 0
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    let out = pc.baseAddress
                    let call = {
                        BLAS.gemm(transA: s.transA, transB: s.transB, m: s.m, n: s.n, k: s.k,
                                  a: pa.baseAddress!, lda: lda, b: pb.baseAddress!, ldb: ldb, c: out!, ldc: ldc)
                    }
                    call(); call()
                    allocations = AllocationCounter.counting { for _ in 0..<repeats { call() } }.allocations
                    for _ in 0..<repeats { samples.append(timed(call).seconds) }
                }
            }
        }
        return ShapeTiming(shape: s, medianSeconds: Statistics.median(samples) ?? .nan,
                           allocationsPerCall: Double(allocations) / Double(repeats))
    }
}
