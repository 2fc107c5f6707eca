/// Split counts that do not partition the dataset.
public struct RandomSplitError: Error, Equatable, CustomStringConvertible {
    public let total: Int, trainCount: Int, valCount: Int

    public init(total: Int, trainCount: Int, valCount: Int) {
        self.total = total
        self.trainCount = trainCount
        self.valCount = valCount
    }

    public var description: String {
        "random split: expected non-negative train and validation counts summing to \(total), "
            + "found \(trainCount) + \(valCount) = \(trainCount + valCount)"
    }
}
