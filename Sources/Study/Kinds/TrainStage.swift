import Foundation
import Nets
import Workflow

/// What `train` reports about its run; deterministic (times are in `timing.json`).
struct TrainMetrics: Codable, Sendable {
    var activation: String
    var seed: UInt64
    var layerSizes: [Int]
    var batchSize: Int
    var learningRate: Double
    var momentum: Double
    var maxEpochs: Int
    var patience: Int
    var epochs: [EpochRecord]
    var bestEpoch: Int
    var bestValidationAccuracy: Double
    var stoppedEarly: Bool
}

/// Wall-clock seconds of each epoch: kept apart from `metrics.json` because
/// they differ from run to run, and metrics must not.
struct TrainTiming: Codable, Sendable {
    var epochSeconds: [Double]
    /// Threads of the last epoch.
    var threads: Int
    /// Threads of each epoch this run trained (the scheduler may add a core
    /// mid-run; a resumed run lists only its own epochs). Absent in older files.
    var epochThreads: [Int]?

    /// "1" or "1-2": the thread counts the epochs used.
    var threadsDescription: String {
        let counts = Set(epochThreads ?? [threads]).sorted()
        guard let low = counts.first, let high = counts.last else { return "\(threads)" }
        return low == high ? "\(low)" : "\(low)-\(high)"
    }
}

/// `train@<activation>-s<seed>`: SGD with momentum on the train split, the
/// study's protocol: batches reshuffled every epoch as PyTorch's DataLoader
/// does (continuing the generator stream saved by `init`), the last partial
/// batch dropped, validation accuracy after each epoch, early stopping with
/// `patience`, and the best-validation weights kept.
///
/// Outputs: `model.safetensors` (best weights, loadable by PyTorch),
/// `metrics.json`, `timing.json`. Resumes after its last finished epoch when
/// killed (see `TrainingState`); on SIGINT/SIGTERM it stops after the current
/// epoch's state is saved.
struct TrainStage: StageKind {
    struct Params: Codable, Sendable {
        var activation: ActivationKind
        var batchSize: Int
        var learningRate: Double
        var momentum: Double
        var maxEpochs: Int
        var patience: Int
    }

    static let name = "train"
    static let version = 1  // numerics changes: Numerics.version
    static let numeric = true
    // Results do not depend on the thread count (Nets splits a step into fixed
    // lanes); a training uses one thread per lane at most.
    static let maxThreads = Lanes.count
    // Re-reads context.threads every epoch, so a lone last training gets the idle core.
    static let growsThreads = true
    static let summary = "train one network with SGD, early stopping on validation accuracy"
    static let inputs = [StudyData.decompressed, StudyData.splitIndices, InitCheckpoint.role]
    static let volatileOutputs: Set<String> = ["timing.json"]

    func run(_ params: Params, in context: StageContext) throws {
        guard params.batchSize > 0, params.maxEpochs > 0, params.patience > 0 else {
            throw StageError("params: batchSize, maxEpochs and patience must be positive")
        }
        let data = try StudyData.trainImages(context)
        let split = try StudyData.split(context)
        let initial = try InitCheckpoint.read(in: context)
        let scratch = context.scratchDirectory

        var state: TrainingState
        let model: MLP, optimizer: SGD
        var best: MLP
        if let resumed = try TrainingState.load(from: scratch) {
            (state, model, optimizer, best) = resumed
            context.log("resuming after epoch \(state.completedEpochs)")
        } else {
            model = try InitCheckpoint.model(initial, activation: params.activation)
            optimizer = try SGD(learningRate: Float(params.learningRate), momentum: Float(params.momentum))
            best = model.copy()
            state = TrainingState(completedEpochs: 0, history: [], epochSeconds: [],
                                  stopping: EarlyStopping(patience: params.patience), generator: initial.generator,
                                  stopped: false, checkpointFile: "", bestFile: "")
        }
        let trainer = try Trainer(model: model, optimizer: optimizer, batchSize: params.batchSize, threads: context.threads)
        let batches = split.train.count / params.batchSize
        var epochThreads: [Int] = []

        while !state.stopped && state.completedEpochs < params.maxEpochs {
            let epoch = state.completedEpochs
            let started = Date()
            trainer.threads = context.threads  // may have grown; speed only, results do not depend on it
            epochThreads.append(trainer.threads)
            let positions = DataLoaderShuffle.epochOrder(count: split.train.count, generator: &state.generator)
            let order = positions.map { split.train[$0] }
            let meanEpoch = state.epochSeconds.isEmpty ? nil : state.epochSeconds.reduce(0, +) / Double(state.epochSeconds.count)
            let stats = try trainer.trainEpoch(data: data, order: order) { p in
                guard p.batch % 8 == 7 || p.batch + 1 == p.batchCount else { return }
                let elapsed = Date().timeIntervalSince(started)
                let perBatch = elapsed / Double(p.batch + 1)
                let left = perBatch * Double(p.batchCount - p.batch - 1)
                    + (meanEpoch ?? perBatch * Double(batches)) * Double(params.maxEpochs - epoch - 1)
                context.progress(String(format: "epoch %d/%d  batch %d/%d  loss %.4f  acc %.2f%%  at most %@ left",
                                        epoch + 1, params.maxEpochs, p.batch + 1, p.batchCount,
                                        p.runningLoss, 100 * p.runningAccuracy, Self.duration(left)))
            }
            let (correct, total) = try trainer.evaluate(data: data, indices: split.validation)
            let valAccuracy = 100 * Double(correct) / Double(total)
            let record = EpochRecord(epoch: epoch + 1, trainLoss: stats.meanLoss,
                                     trainAccuracy: 100 * stats.accuracy, validationAccuracy: valAccuracy)
            let decision = state.stopping.record(epoch: epoch, validationAccuracy: valAccuracy)
            if decision == .newBest { best = model.copy() }
            let previous = state
            state.history.append(record)
            state.epochSeconds.append(Date().timeIntervalSince(started))
            state.completedEpochs += 1
            state.stopped = decision == .stop
            state.checkpointFile = String(format: "epoch-%04d.safetensors", epoch + 1)
            if decision == .newBest || state.bestFile.isEmpty { state.bestFile = String(format: "best-%04d.safetensors", epoch + 1) }
            try state.save(to: scratch, model: model, optimizer: optimizer,
                           best: decision == .newBest ? best : nil,
                           previous: previous.checkpointFile.isEmpty ? nil : previous)
            context.log(String(format: "epoch %2d  loss %.4f  train %.2f%%  validation %.2f%%%@  %.1fs",
                               epoch + 1, stats.meanLoss, 100 * stats.accuracy, valAccuracy,
                               decision == .newBest ? " (best)" : decision == .stop ? " (stopping: no gain in \(params.patience) epochs)" : "",
                               state.epochSeconds.last ?? 0))
            // The epoch is saved: on Ctrl-C stop here rather than train to the end
            // (the engine would discard the result anyway); a rerun resumes.
            if context.cancellation.isRequested && !state.stopped && state.completedEpochs < params.maxEpochs {
                throw StageError("interrupted after epoch \(state.completedEpochs); a rerun resumes from there")
            }
        }

        try context.write(Checkpoint.encode(model: best), to: "model.safetensors")
        let bestEpoch = state.stopping.bestEpoch
        try Artifacts.write(TrainMetrics(
            activation: params.activation.rawValue, seed: initial.seed, layerSizes: initial.layerSizes,
            batchSize: params.batchSize, learningRate: params.learningRate, momentum: params.momentum,
            maxEpochs: params.maxEpochs, patience: params.patience, epochs: state.history,
            bestEpoch: bestEpoch + 1, bestValidationAccuracy: state.history[bestEpoch].validationAccuracy,
            stoppedEarly: state.stopped), as: "metrics.json", in: context)
        try Artifacts.write(TrainTiming(epochSeconds: state.epochSeconds, threads: epochThreads.last ?? context.threads,
                                        epochThreads: epochThreads),
                            as: "timing.json", in: context)
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 60 ? "\(s / 60)m\(String(format: "%02d", s % 60))s" : "\(s)s"
    }
}
