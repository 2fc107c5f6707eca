import Testing
@testable import Report

struct AxisTicksTests {
    @Test func threeRoundTicksInsideTheInset() {
        // Symmetric gradient-like range: 5e-3 would leave only 0 inside, so 2.5e-3.
        #expect(axisTicks(lower: -0.0052, upper: 0.0052) == [-0.0025, 0, 0.0025])
        #expect(axisTicks(lower: -3, upper: 3) == [-2, 0, 2])
        // 2.944 is the inset's end: 1 and 2 only, since no step gives exactly 3.
        #expect(axisTicks(lower: 0, upper: 3.2) == [1, 2])
        // y axis from 0, no inset: 0 is a tick.
        #expect(axisTicks(lower: 0, upper: 108_000, inset: 0) == [0, 50_000, 100_000])
    }

    @Test func ticksStayOffTheCornersAndAreMultiplesOfOneStep() {
        for (lo, hi) in [(-0.00098, 0.00102), (0.0, 27.3), (-1.0, 0.37), (1e-7, 3e-7), (-5.0, 5.0)] {
            let t = axisTicks(lower: lo, upper: hi)
            let span = hi - lo
            #expect((2...4).contains(t.count), "\(lo)...\(hi): \(t)")
            #expect(t.allSatisfy { $0 >= lo + 0.08 * span - 1e-12 * span && $0 <= hi - 0.08 * span + 1e-12 * span }, "\(t)")
            let steps = zip(t.dropFirst(), t).map { $0 - $1 }
            #expect(steps.allSatisfy { abs($0 - steps[0]) < 1e-9 * span }, "\(t)")
        }
    }

    @Test func degenerateRangesGiveNoTicks() {
        #expect(axisTicks(lower: 1, upper: 1).isEmpty)
        #expect(axisTicks(lower: 2, upper: 1).isEmpty)
        #expect(axisTicks(lower: 0, upper: .infinity).isEmpty)
    }

    @Test func tickLabelsAreShort() {
        let cases: [(Double, String)] = [(0, "0"), (-0.0, "0"), (0.0025, "2.5e-3"), (-0.002, "-2e-3"), (0.0005, "5e-4"),
                                         (0.5, "0.5"), (-2, "-2"), (250, "250"), (12_000, "12k"), (100_000, "100k"),
                                         (1_500_000, "1.5M")]
        for (v, s) in cases { #expect(tickLabel(v) == s, "\(v)") }
        #expect(ticsList([0, 5000]) == "(\"0\" 0, \"5k\" 5000)")
    }
}
