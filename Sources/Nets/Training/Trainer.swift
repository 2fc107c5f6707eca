/// Trains and evaluates an `MLP` on byte images with SGD, in fixed-size batches.
///
/// A batch is gathered from an index list and normalised (`PixelNormalization`)
/// into a workspace allocated once, so a step allocates nothing. Results depend
/// only on the model, the data and the index order (not on the thread count).
/// Not thread-safe: one trainer per task.
public final class Trainer {
    public let model: MLP
    public let optimizer: SGD
    public let batchSize: Int
    let workspace: Workspace

    /// Threads this trainer's passes use (given at creation, changeable between
    /// epochs; at most `Lanes.count`, one per lane); results do not depend on it.
    public var threads: Int {
        get { workspace.threads }
        set { workspace.threads = max(1, newValue) }
    }

    public init(model: MLP, optimizer: SGD, batchSize: Int = 256, threads: Int = 1) throws {
        guard batchSize > 0 else { throw NetsError.argument("batch size \(batchSize), expected a positive integer") }
        self.model = model; self.optimizer = optimizer; self.batchSize = batchSize
        workspace = Workspace(sizes: model.sizes, capacity: batchSize, threads: threads)
        optimizer.prepare(for: model)
    }

    /// One pass over `order` in consecutive batches of `batchSize` (the last partial
    /// batch is dropped when `dropLast`), one SGD step per batch.
    public func trainEpoch(data: ByteImages, order: [Int], dropLast: Bool = true,
                           progress: ((TrainingProgress) -> Void)? = nil) throws -> EpochStats {
        try data.check(against: model.config)
        try data.check(indices: order)
        let full = order.count / batchSize
        let batchCount = full + (!dropLast && order.count % batchSize != 0 ? 1 : 0)
        var lossSum: Double = 0, correct = 0, seen = 0
        for b in 0..<batchCount {
            let start = b * batchSize, end = min(start + batchSize, order.count)
            let rows = end - start
            let update = optimizer.pendingUpdate(for: model)
            let result = PixelNormalization.withSource(data, indices: order[start..<end], labels: workspace.labels) {
                model.step(workspace, rows: rows, source: $0, update: update)
            }
            optimizer.finishStep()
            lossSum += Double(result.loss); correct += result.correct; seen += rows
            progress?(TrainingProgress(batch: b, batchCount: batchCount,
                                       runningLoss: lossSum / Double(b + 1),
                                       runningAccuracy: Double(correct) / Double(seen)))
        }
        return EpochStats(meanLoss: batchCount > 0 ? lossSum / Double(batchCount) : 0,
                          accuracy: seen > 0 ? Double(correct) / Double(seen) : 0,
                          batches: batchCount, samples: seen)
    }

    /// Correct predictions over the images `indices` (forward only, in batches).
    public func evaluate(data: ByteImages, indices: [Int]) throws -> (correct: Int, total: Int) {
        try data.check(against: model.config)
        try data.check(indices: indices)
        var correct = 0
        let classes = model.config.outputSize
        forEachBatch(data, indices) { _, rows in
            correct += SoftmaxCrossEntropy.evaluate(
                logits: workspace.z[model.weights.count - 1].pointer, labels: workspace.labels,
                rows: rows, classes: classes, gradient: nil).correct
        }
        return (correct, indices.count)
    }

    /// Loss and gradients of one batch (e.g. the first 256 train images at init),
    /// without updating the model.
    public func gradients(data: ByteImages, indices: [Int]) throws -> LossGradients {
        try data.check(against: model.config)
        return try model.gradients(input: PixelNormalization.batch(data, indices: indices),
                                   labels: indices.map { data.labels[$0] })
    }
}
