import Testing
@testable import Nets

@Suite struct RandomPermTests {
    let golden: RandomGolden
    init() throws { golden = try RandomGolden.load() }

    @Test func randperm60000AfterSeed42MatchesPyTorch() {
        var g = TorchGenerator(seed: 42)
        let perm = g.randperm(60_000)
        let reference = golden.randperm60000Seed42
        #expect(Array(perm.prefix(16)) == reference.first16)
        #expect(Array(perm.suffix(16)) == reference.last16)
        #expect(sha256Int64LE(perm) == reference.sha256_int64)
        #expect(Set(perm).count == 60_000 && perm.min() == 0 && perm.max() == 59_999)
    }

    @Test func randperm1000AfterSeed7MatchesPyTorch() {
        var g = TorchGenerator(seed: 7)
        let perm = g.randperm(1000)
        #expect(Array(perm.prefix(16)) == golden.randperm1000Seed7.first16)
        #expect(sha256Int64LE(perm) == golden.randperm1000Seed7.sha256_int64)
    }

    @Test func randpermUsesNMinusOne32BitDraws() {
        var a = TorchGenerator(seed: 1), b = TorchGenerator(seed: 1)
        _ = a.randperm(500)
        for _ in 0..<499 { _ = b.random32() }
        #expect(a == b)
        var c = TorchGenerator(seed: 1)
        #expect(c.randperm(0) == [] && c.randperm(1) == [0])
        #expect(c == TorchGenerator(seed: 1))   // n <= 1 draws nothing, like PyTorch
    }

    @Test func splitIsRandpermCut() throws {
        var g = TorchGenerator(seed: 42)
        let (train, validation) = RandomSplit.indices(total: 60_000, trainCount: 50_000, valCount: 10_000,
                                                      generator: &g)
        #expect(train.count == 50_000 && validation.count == 10_000)
        #expect(Array(train.prefix(16)) == golden.split.train_first16)
        #expect(Array(validation.prefix(16)) == golden.split.val_first16)
        #expect(Set(train).isDisjoint(with: validation))
    }

    @Test func splitCountsAreValidated() {
        #expect(throws: RandomSplitError.self) {
            try RandomSplit.validate(total: 60_000, trainCount: 50_000, valCount: 9_999)
        }
        #expect(throws: Never.self) { try RandomSplit.validate(total: 10, trainCount: 7, valCount: 3) }
        let message = RandomSplitError(total: 10, trainCount: 7, valCount: 4).description
        print(message)
        #expect(message.contains("summing to 10") && message.contains("7 + 4 = 11"))
    }
}

/// PyTorch's branch for n >= 214,748,364 (too large to run here), reached by lowering the branch point.
@Suite struct RandomPermLargeBranchTests {
    @Test func insideOutShuffleFollowsRandom64() {
        var g = TorchGenerator(seed: 42)
        var h = g
        let perm = g.randperm(10, smallBranchLimit: 0)
        var expected = [Int](repeating: 0, count: 10)
        for i in 0..<10 {
            let z = Int(h.random64() % UInt64(i + 1))
            expected[i] = expected[z]
            expected[z] = i
        }
        #expect(perm == expected)
        #expect(g == h)   // n 64-bit draws
        var big = TorchGenerator(seed: 3)
        #expect(big.randperm(5000, smallBranchLimit: 0).sorted() == Array(0..<5000))
    }
}
