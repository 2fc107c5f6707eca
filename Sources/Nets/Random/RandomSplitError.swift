/// Split counts that do not partition the dataset.
public struct RandomSplitError: Error, Equatable, CustomStringConvertible {
    public let total: Int, trainCount: Int, valCount: Int
    public var description: String {
        "random split: expected non-negative train and validation counts summing to \(total), "
            + "found \(trainCount) + \(valCount) = \(trainCount + valCount)"
    }
}
