/// `torch.utils.data.random_split(range(total), [trainCount, valCount])` on the default generator:
/// `perm = randperm(total)`; train = `perm[0..<trainCount]`, validation = `perm[trainCount..<total]`.
public enum RandomSplit {
    /// Precondition: `trainCount, valCount >= 0` and `trainCount + valCount == total` (PyTorch rejects
    /// other lengths too); callers holding untrusted counts check them with `validate` first.
    public static func indices(total: Int, trainCount: Int, valCount: Int,
                               generator: inout TorchGenerator) -> (train: [Int], validation: [Int]) {
        precondition(trainCount >= 0 && valCount >= 0 && trainCount + valCount == total,
                     "RandomSplit: counts \(trainCount) + \(valCount) must be non-negative and sum to \(total)")
        let perm = generator.randperm(total)
        return (Array(perm[0..<trainCount]), Array(perm[trainCount..<total]))
    }

    /// Checks split counts read from a file before `indices` is called.
    public static func validate(total: Int, trainCount: Int, valCount: Int) throws(RandomSplitError) {
        guard trainCount >= 0, valCount >= 0, trainCount + valCount == total else {
            throw RandomSplitError(total: total, trainCount: trainCount, valCount: valCount)
        }
    }
}
