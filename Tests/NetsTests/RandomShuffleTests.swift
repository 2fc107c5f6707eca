import Testing
import Nets

@Suite struct RandomShuffleTests {
    let golden: RandomGolden
    init() throws { golden = try RandomGolden.load() }

    @Test func threeEpochsAfterBaseNetworkMatchPyTorch() {
        var g = TorchGenerator(seed: 42)
        _ = LinearInit.mlp(sizes: [784, 512, 256, 256, 128, 10], generator: &g)
        for (e, reference) in golden.trainShuffle.epochs.enumerated() {
            let used = DataLoaderShuffle.usedOrder(count: 50_000, batchSize: 256, generator: &g)
            #expect(used.count / 256 == reference.batches, "epoch \(e) batches")
            #expect(Array(used.prefix(16)) == reference.first16, "epoch \(e) first16")
            #expect(sha256Int64LE(used) == reference.sha256_int64_of_used_order, "epoch \(e) sha256")
        }
    }

    @Test func epochOrderDrawsTwoSeedsAndIsAPermutation() {
        var g = TorchGenerator(seed: 8)
        var h = g
        let order = DataLoaderShuffle.epochOrder(count: 1000, generator: &g)
        #expect(order.sorted() == Array(0..<1000))
        _ = h.randomInt64Seed()
        var sampler = TorchGenerator(seed: h.randomInt64Seed())
        #expect(order == sampler.randperm(1000))
        #expect(g == h)
    }

    @Test func usedOrderDropsTheLastPartialBatch() {
        var a = TorchGenerator(seed: 4), b = TorchGenerator(seed: 4)
        let used = DataLoaderShuffle.usedOrder(count: 1000, batchSize: 256, generator: &a)
        let full = DataLoaderShuffle.epochOrder(count: 1000, generator: &b)
        #expect(used.count == 768)
        #expect(used == Array(full.prefix(768)))
    }
}
