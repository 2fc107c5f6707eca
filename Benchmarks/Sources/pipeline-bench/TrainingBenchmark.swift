import Hashing
import Nets

/// Times training epochs of the study's base MLP (784-512-256-256-128-10,
/// PyTorch init from seed 42, SGD lr 0.01 momentum 0.9, batches of 256,
/// last partial batch dropped, reshuffled each epoch as DataLoader does) on
/// the 50,000 train-split images, and evaluation on the 10,000 validation ones.
///
/// Per activation: a fresh network; an allocation probe (after one untimed
/// step, one call of 1 step and one of 1 + `probeSteps` steps, counting heap
/// allocations; this also warms caches up); then `epochs` timed calls of
/// `Trainer.trainEpoch` (the shuffle is made before the clock starts), taken
/// in turns with the other activations; then three timed `Trainer.evaluate`
/// passes over the validation images, on `threads` threads.
struct TrainingBenchmark {
    static let batchSize = 256
    static let probeSteps = 10

    struct Result: Sendable {
        var activation: ActivationKind
        var epochSeconds: [Double]
        /// CPU seconds (all threads) of each timed epoch: less sensitive than wall time to
        /// other work on the machine, since time spent waiting for a core is not counted.
        var epochCPUSeconds: [Double]
        var samplesPerEpoch: Int
        var stepsPerEpoch: Int
        /// Heap allocations per training step (difference of the two probes / probeSteps).
        var allocationsPerStep: Double
        /// Heap allocations of one `trainEpoch` call beyond its steps.
        var allocationsPerCall: Double
        /// sha256 of the checkpoint (model and velocities) after the timed epochs: the same for
        /// any thread count and any speed change that keeps results (compare runs with equal `epochs`).
        var modelSHA256: String
        var evaluationSeconds: [Double]
        var evaluationImages: Int

        var medianEpochSeconds: Double { Statistics.median(epochSeconds) ?? .nan }
        var fastestEpochSeconds: Double { epochSeconds.min() ?? .nan }
        var medianEpochCPUSeconds: Double { Statistics.median(epochCPUSeconds) ?? .nan }
        var samplesPerSecond: Double { Double(samplesPerEpoch) / medianEpochSeconds }
        var evaluationImagesPerSecond: Double { Double(evaluationImages) / (Statistics.median(evaluationSeconds) ?? .nan) }
    }

    let data: BenchData
    let epochs: Int
    let threads: Int

    /// Every activation's timed epochs taken in turns (epoch 1 of each, then
    /// epoch 2 of each, ...), so a slow spell of the machine is shared among
    /// the activations instead of landing on one of them.
    /// `beforeRound(r)` runs before round r (epoch r of each activation), e.g. to
    /// measure the ideal floor next to the epochs it is compared with.
    func run(_ activations: [ActivationKind], beforeRound: (Int) -> Void = { _ in },
             after: (Result) -> Void = { _ in }) throws -> [Result] {
        let sessions = try activations.map { try Session(activation: $0, data: data, threads: threads) }
        for round in 0..<epochs {
            beforeRound(round)
            for session in sessions { try session.timeEpoch() }
        }
        return try sessions.map { let r = try $0.finish(); after(r); return r }
    }

    /// One activation's network, trainer and measurements. Used by one thread
    /// at a time (SideBySideBenchmark hands each session to its own thread).
    final class Session: @unchecked Sendable {
        let activation: ActivationKind
        let data: BenchData
        let trainer: Trainer
        var generator = TorchGenerator(seed: 42)
        var seconds: [Double] = [], cpuSeconds: [Double] = []
        var stats: EpochStats?
        let allocationsPerStep: Double, allocationsPerCall: Double

        /// A fresh network, then the allocation probe (which also warms caches up).
        init(activation: ActivationKind, data: BenchData, threads: Int) throws {
            self.activation = activation
            self.data = data
            let config = MLPConfig.base(activation)
            let model = try MLP(config: config, layers: try TrainingBenchmark.initialLayers(config, &generator))
            let trainer = try Trainer(model: model, optimizer: try SGD(learningRate: 0.01, momentum: 0.9),
                                      batchSize: TrainingBenchmark.batchSize, threads: threads)
            self.trainer = trainer
            let batch = TrainingBenchmark.batchSize, probeSteps = TrainingBenchmark.probeSteps
            let probeOrder = Array(data.train.prefix(batch * (1 + probeSteps)))
            _ = try trainer.trainEpoch(data: data.images, order: Array(probeOrder.prefix(batch)))   // first-call setup
            let one = try AllocationCounter.counting { try trainer.trainEpoch(data: data.images, order: Array(probeOrder.prefix(batch))) }
            let many = try AllocationCounter.counting { try trainer.trainEpoch(data: data.images, order: probeOrder) }
            allocationsPerStep = Double(many.allocations - one.allocations) / Double(probeSteps)
            allocationsPerCall = Double(one.allocations) - allocationsPerStep
        }

        /// One timed epoch; the shuffle is made before the clock starts.
        func timeEpoch() throws {
            let positions = DataLoaderShuffle.epochOrder(count: data.train.count, generator: &generator)
            let order = positions.map { data.train[$0] }
            let cpuBefore = processCPUSeconds()
            let run = try timed { try trainer.trainEpoch(data: data.images, order: order) }
            cpuSeconds.append(processCPUSeconds() - cpuBefore)
            seconds.append(run.seconds)
            stats = run.result
        }

        /// The checkpoint hash, three timed evaluation passes, and the figures.
        func finish() throws -> Result {
            let sha = SHA256.hash(try Checkpoint.encode(model: trainer.model, optimizer: trainer.optimizer)).hex
            var evaluation: [Double] = []
            for _ in 0..<3 {
                evaluation.append(try timed { try trainer.evaluate(data: data.images, indices: data.validation) }.seconds)
            }
            return Result(activation: activation, epochSeconds: seconds, epochCPUSeconds: cpuSeconds,
                          samplesPerEpoch: stats?.samples ?? 0, stepsPerEpoch: stats?.batches ?? 0,
                          allocationsPerStep: allocationsPerStep, allocationsPerCall: allocationsPerCall,
                          modelSHA256: sha, evaluationSeconds: evaluation, evaluationImages: data.validation.count)
        }
    }

    /// `LinearInit.mlp` as `LinearParameters`, drawing from `generator` (seeded 42 as the notebook does).
    static func initialLayers(_ config: MLPConfig, _ generator: inout TorchGenerator) throws -> [LinearParameters] {
        let sizes = config.layerSizes
        return try LinearInit.mlp(sizes: sizes, generator: &generator).enumerated().map { i, layer in
            try LinearParameters(inFeatures: sizes[i], outFeatures: sizes[i + 1], weight: layer.weight, bias: layer.bias)
        }
    }
}
