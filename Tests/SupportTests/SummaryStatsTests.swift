import Foundation
import Testing
import Support

@Suite struct SummaryStatsTests {
    @Test func matchesNumpy() {
        // a = np.array(v); a.mean(), a.std(ddof=1), np.abs(a).mean()
        let v = (0..<1000).map { sin(0.37 * Double($0)) * Double(1 + $0 % 7) }
        let s = SummaryStats(v)
        let diff = [abs(s.mean - 0.00437765005979416), abs(s.std - 3.165344576962904),
                    abs(s.meanAbs - 2.546979098733475)].max() ?? .nan
        #expect(diff < 1e-12)
        #expect(s.min == v.min() && s.max == v.max() && s.count == 1000)
    }

    /// One convention for every caller: n - 1, 0 for a single value, NaN for none.
    @Test func oneValueHasNoSpreadAndNoValuesHaveNoMean() {
        let one = SummaryStats([Float(2)])
        #expect(one.count == 1 && one.mean == 2 && one.std == 0 && one.meanAbs == 2 && one.min == 2 && one.max == 2)
        let none = SummaryStats([Float]())
        #expect(none.count == 0 && none.mean.isNaN && none.std.isNaN && none.meanAbs.isNaN)
        #expect(SummaryStats([1.0, 2, 3]).std == 1)
    }

    /// Floats are summed as Doubles in element order: the same bits as mapping to [Double] first.
    @Test func floatsSumLikeTheirDoubles() {
        let f: [Float] = (0..<777).map { Float(sin(Double($0))) * 1e-3 }
        let a = SummaryStats(f), b = SummaryStats(f.map(Double.init))
        #expect(a == b)
    }
}
