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
