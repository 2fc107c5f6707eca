import Nets

/// Each product's time inside training, on one thread and on `threads`, from
/// `GemmTally`: whether the threads slow the products themselves (shared
/// caches, data one lane wrote and the other reads) or only add waits.
///
/// One activation; one session per thread count (fresh network each); `epochs`
/// pairs of epochs, one thread then `threads`, with the tally on during each
/// epoch only (after the sessions' allocation probes). Per shape: calls and
/// seconds per epoch (summed over threads, so CPU time in that product), and
/// the ratio of the two; beside them, the epochs' wall and CPU seconds.
struct ProductTimesBenchmark {
    let data: BenchData
    let epochs: Int
    let threads: Int

    struct Row: Sendable {
        var shape: GemmTally.Shape
        var callsPerEpoch: Double
        var secondsOneThread: Double
        var secondsThreads: Double
        var ratio: Double { secondsThreads / secondsOneThread }
    }

    struct Result: Sendable {
        var activation: ActivationKind
        var rows: [Row]
        /// Median epoch seconds (wall) and CPU seconds, on one thread and on `threads`.
        var epochOneThread: Double, epochThreads: Double
        var cpuOneThread: Double, cpuThreads: Double
        var productsOneThread: Double { rows.reduce(0) { $0 + $1.secondsOneThread } }
        var productsThreads: Double { rows.reduce(0) { $0 + $1.secondsThreads } }
    }

    func run(_ activation: ActivationKind) throws -> Result {
        let one = try TrainingBenchmark.Session(activation: activation, data: data, threads: 1)
        let many = try TrainingBenchmark.Session(activation: activation, data: data, threads: threads)
        var sums: [[GemmTally.Shape: GemmTally.Entry]] = [[:], [:]]
        for _ in 0..<epochs {
            for (i, session) in [one, many].enumerated() {
                GemmTally.start()
                try session.timeEpoch()
                for (shape, entry) in GemmTally.stop() { sums[i][shape, default: .init()].add(entry) }
            }
        }
        let e = Double(epochs)
        let rows = Set(sums[0].keys).union(sums[1].keys).map { shape in
            Row(shape: shape, callsPerEpoch: Double(sums[1][shape]?.calls ?? sums[0][shape]?.calls ?? 0) / e,
                secondsOneThread: (sums[0][shape]?.seconds ?? 0) / e, secondsThreads: (sums[1][shape]?.seconds ?? 0) / e)
        }.sorted { $0.secondsOneThread > $1.secondsOneThread }
        func median(_ xs: [Double]) -> Double { Statistics.median(xs) ?? .nan }
        return Result(activation: activation, rows: rows,
                      epochOneThread: median(one.seconds), epochThreads: median(many.seconds),
                      cpuOneThread: median(one.cpuSeconds), cpuThreads: median(many.cpuSeconds))
    }
}
