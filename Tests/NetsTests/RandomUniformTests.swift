import Testing
import Nets

@Suite struct RandomUniformTests {
    let golden: RandomGolden
    init() throws { golden = try RandomGolden.load() }

    private func check(from: Double, to: Double, _ reference: RandomGolden.FloatBits) {
        var g = TorchGenerator(seed: 42)
        let ours = g.uniform(count: reference.bits.count, from: from, to: to)
        let mismatches = zip(ours, reference.bits).filter { bitsHex($0) != $1 }.count
        print("uniform_(\(from), \(to)) after seed 42: \(mismatches) of \(ours.count) bit patterns differ; "
              + "max |diff| = \(maxAbsDifference(ours, reference.values))")
        #expect(ours.map(bitsHex) == reference.bits)
    }

    @Test func minusOneToOneMatchesPyTorchBits() { check(from: -1, to: 1, golden.uniformMinus1To1) }
    @Test func zeroToOneMatchesPyTorchBits() { check(from: 0, to: 1, golden.uniform0To1) }

    @Test func eachDrawUsesOne32BitOutput() {
        var a = TorchGenerator(seed: 5), b = TorchGenerator(seed: 5)
        _ = a.uniform(count: 1000, from: -3, to: 3)
        for _ in 0..<1000 { _ = b.random32() }
        #expect(a == b)
    }

    @Test func valuesStayInRangeAndAreDeterministic() {
        var a = TorchGenerator(seed: 11), b = TorchGenerator(seed: 11)
        let xs = a.uniform(count: 100_000, from: -0.25, to: 0.5)
        let ys = b.uniform(count: 100_000, from: -0.25, to: 0.5)
        #expect(xs.map(\.bitPattern) == ys.map(\.bitPattern))
        #expect(xs.allSatisfy { $0 >= -0.25 && $0 <= 0.5 })
        let mean = xs.reduce(0.0) { $0 + Double($1) } / Double(xs.count)
        #expect(abs(mean - 0.125) < 0.005)   // 0.75 / sqrt(12 * 1e5) ≈ 0.0007 standard error
    }

    @Test func splittingACountGivesTheSameStream() {
        var a = TorchGenerator(seed: 3), b = TorchGenerator(seed: 3)
        let whole = a.uniform(count: 1500, from: 0, to: 1)
        let parts = b.uniform(count: 700, from: 0, to: 1) + b.uniform(count: 800, from: 0, to: 1)
        #expect(whole == parts)
    }
}
