/// The order in which `DataLoader(dataset, shuffle=True)` (single process, default sampler) visits
/// its `n` items in one epoch, drawn from the default generator.
///
/// Per epoch PyTorch makes two draws of `randomInt64Seed()` on the default generator, in this order:
/// 1. the iterator's `_base_seed` (drawn when `iter(loader)` is created; unused with no workers);
/// 2. RandomSampler's seed; then the order is `randperm(n)` on a fresh generator seeded with it.
/// (The reference epochs only match with both draws; a reimplementation drawing one seed drifts.)
public enum DataLoaderShuffle {
    /// One epoch's order: a permutation of `0..<n`. Advances `generator` by two 64-bit draws.
    public static func epochOrder(count n: Int, generator: inout TorchGenerator) -> [Int] {
        _ = generator.randomInt64Seed()   // the iterator's _base_seed
        var sampler = TorchGenerator(seed: generator.randomInt64Seed())
        return sampler.randperm(n)
    }

    /// The items actually used with `batch_size` and `drop_last=True`: the first
    /// `(n / batchSize) * batchSize` entries of `epochOrder`, consecutive runs of `batchSize` per batch.
    /// Precondition: `batchSize > 0`.
    public static func usedOrder(count n: Int, batchSize: Int, generator: inout TorchGenerator) -> [Int] {
        precondition(batchSize > 0, "DataLoaderShuffle: batch size must be positive, got \(batchSize)")
        let order = epochOrder(count: n, generator: &generator)
        return Array(order.prefix((n / batchSize) * batchSize))
    }
}
