import FashionData
import Foundation
import Nets
import Workflow

/// The train/validation split as stored by `split`: index lists into the
/// 60,000 training images, in PyTorch's `random_split` order.
struct SplitIndices: Codable, Sendable {
    var seed: UInt64
    var total: Int
    var train: [Int]
    var validation: [Int]
}

/// `split`: `torch.manual_seed(seed)` then `random_split(range(total), [train, validation])`,
/// i.e. one `randperm(total)` cut in two. The sizes must add up to the number of
/// training images in the data, or the stage says which numbers disagree.
struct SplitStage: StageKind {
    struct Params: Codable, Sendable {
        var seed: UInt64
        var train: Int
        var validation: Int
    }

    static let name = "split"
    static let version = 1
    static let summary = "PyTorch random_split of the training images into train and validation"
    static let inputs = [StudyData.decompressed]

    func run(_ params: Params, in context: StageContext) throws {
        let data = try StudyData.trainSet(context)
        guard params.train > 0, params.validation > 0 else {
            throw StageError("params.train and params.validation: expected positive sizes, found \(params.train) and \(params.validation)")
        }
        guard params.train + params.validation == data.count else {
            throw StageError("params.train + params.validation = \(params.train + params.validation), but the data has \(data.count) training images")
        }
        var generator = TorchGenerator(seed: params.seed)
        let (train, validation) = RandomSplit.indices(total: data.count, trainCount: params.train,
                                                      valCount: params.validation, generator: &generator)
        try Artifacts.write(SplitIndices(seed: params.seed, total: data.count, train: train, validation: validation),
                            as: "split.json", in: context)
        context.log("\(train.count) train, \(validation.count) validation (seed \(params.seed))")
    }
}
