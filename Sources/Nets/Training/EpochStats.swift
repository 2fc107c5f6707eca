/// The result of one training epoch.
public struct EpochStats: Codable, Equatable, Sendable {
    /// Mean of the per-batch mean losses.
    public var meanLoss: Double
    /// Correct predictions (during training, before each step's update) / images trained on.
    public var accuracy: Double
    public var batches: Int
    public var samples: Int
}
