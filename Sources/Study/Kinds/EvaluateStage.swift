import Foundation
import Nets
import Workflow

/// A trained network's accuracy on the test set.
struct Evaluation: Codable, Sendable {
    var activation: String
    var seed: UInt64
    var testAccuracy: Double
    var correct: Int
    var total: Int
    var bestEpoch: Int
    var bestValidationAccuracy: Double
    var epochsTrained: Int
}

/// `evaluate@<activation>-s<seed>`: the best-validation weights of the `train`
/// dependency on the 10,000 test images. Output: `evaluation.json`.
struct EvaluateStage: StageKind {
    struct Params: Codable, Sendable {
        var batchSize: Int
    }

    static let name = "evaluate"
    static let version = 1  // numerics changes: Numerics.version
    static let numeric = true
    static let summary = "test accuracy of a trained network"
    static let inputs = [StudyData.decompressed, StudyData.trainedNetwork]

    func run(_ params: Params, in context: StageContext) throws {
        let (model, metrics) = try StudyData.trained(context)
        let test = try StudyData.testImages(context)
        // The trainer's evaluation pass; its optimizer is never stepped.
        let trainer = try Trainer(model: model, optimizer: SGD(learningRate: 1), batchSize: params.batchSize,
                                  threads: context.threads)
        let (correct, total) = try trainer.evaluate(data: test, indices: Array(0..<test.count))
        let accuracy = 100 * Double(correct) / Double(total)
        try Artifacts.write(Evaluation(activation: metrics.activation, seed: metrics.seed, testAccuracy: accuracy,
                                       correct: correct, total: total, bestEpoch: metrics.bestEpoch,
                                       bestValidationAccuracy: metrics.bestValidationAccuracy,
                                       epochsTrained: metrics.epochs.count),
                            as: "evaluation.json", in: context)
        context.log(String(format: "test accuracy %.2f%% (%d/%d)", accuracy, correct, total))
    }
}
