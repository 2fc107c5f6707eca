/// The study's stopping rule, as the notebook applies it after each epoch:
/// the first epoch, or any epoch whose validation accuracy beats the best so
/// far, becomes the new best (its weights are kept); otherwise training stops
/// once the best epoch is `patience` or more epochs behind.
///
/// Ties do not count as improvements: the earliest best is kept.
struct EarlyStopping: Codable, Equatable, Sendable {
    let patience: Int
    private(set) var bestEpoch: Int = -1
    private(set) var bestAccuracy: Double = -.infinity

    init(patience: Int) { self.patience = patience }

    enum Decision: Equatable { case newBest, keepGoing, stop }

    /// Records `epoch` (0-based, in order) with its validation accuracy.
    mutating func record(epoch: Int, validationAccuracy: Double) -> Decision {
        if bestEpoch < 0 || validationAccuracy > bestAccuracy {
            bestEpoch = epoch
            bestAccuracy = validationAccuracy
            return .newBest
        }
        return bestEpoch <= epoch - patience ? .stop : .keepGoing
    }
}
