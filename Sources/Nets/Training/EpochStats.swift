/// The result of one training epoch.
public struct EpochStats: Codable, Equatable, Sendable {
    /// Mean of the per-batch mean losses.
    public var meanLoss: Double
    /// Correct predictions (during training, before each step's update) / images trained on.
    public var accuracy: Double
    public var batches: Int
    public var samples: Int
}

/// Reported after every training step.
public struct TrainingProgress: Sendable {
    /// 0-based index of the batch just finished.
    public var batch: Int
    public var batchCount: Int
    /// Mean of the batch losses so far.
    public var runningLoss: Double
    /// Correct / seen so far.
    public var runningAccuracy: Double
}
