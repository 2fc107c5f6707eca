@testable import Study
import Testing

@Suite struct EarlyStoppingTests {
    @Test func stopsPatienceEpochsAfterTheBest() {
        var s = EarlyStopping(patience: 3)
        let accuracies = [50.0, 60, 59, 61, 58, 61, 60, 55]
        var decisions: [EarlyStopping.Decision] = []
        for (epoch, a) in accuracies.enumerated() {
            let d = s.record(epoch: epoch, validationAccuracy: a)
            decisions.append(d)
            if d == .stop { break }
        }
        // Best at epoch 3 (61); the tie at epoch 5 does not count; stop once epoch - best >= 3.
        #expect(decisions == [.newBest, .newBest, .keepGoing, .newBest, .keepGoing, .keepGoing, .stop])
        #expect(s.bestEpoch == 3 && s.bestAccuracy == 61)
    }

    @Test func firstEpochIsAlwaysTheBestSoFar() {
        var s = EarlyStopping(patience: 1)
        #expect(s.record(epoch: 0, validationAccuracy: 0) == .newBest)
        #expect(s.record(epoch: 1, validationAccuracy: 0) == .stop)
    }
}
