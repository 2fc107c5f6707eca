import Foundation
import Testing
@testable import Report

/// Expected values below come from numpy 2.4 (`np.histogram`, `np.std(ddof=1)`)
/// on the same inputs; the command is given beside each.
struct HistogramTests {
    @Test func lastBinIsClosedAndOthersHalfOpen() throws {
        // np.histogram([0,1,1,2,3,3,3,4], bins=4) -> [1,2,1,4], edges 0..4
        let h = try Histogram([0, 1, 1, 2, 3, 3, 3, 4] as [Double], bins: 4)
        #expect(h.edges == [0, 1, 2, 3, 4])
        #expect(h.counts == [1, 2, 1, 4])
    }

    @Test func valuesOnRoundedEdgesLandWhereNumpyPutsThem() throws {
        // np.histogram([0.1*i for i in range(11)], bins=10) -> [1]*9 + [2]
        let h = try Histogram((0...10).map { 0.1 * Double($0) }, bins: 10)
        #expect(h.counts == [1, 1, 1, 1, 1, 1, 1, 1, 1, 2])
    }

    @Test func matchesNumpyOnAThousandValues() throws {
        // v = [sin(0.37*i)*(1+i%7) for i in range(1000)]; np.histogram(v, bins=30)
        let v = (0..<1000).map { sin(0.37 * Double($0)) * Double(1 + $0 % 7) }
        let h = try Histogram(v, bins: 30)
        let numpy = [16, 7, 24, 13, 27, 17, 33, 25, 36, 35, 45, 44, 53, 69, 53,
                     62, 65, 53, 46, 43, 34, 37, 25, 35, 16, 27, 16, 20, 7, 17]
        #expect(h.counts == numpy)
        let edgeDiff = max(abs(h.edges[0] - -6.9999998617689725), abs(h.edges[1] - -6.533393046598104),
                           abs(h.edges[30] - 6.998204593357062))
        print("histogram edges: max |swift - numpy| = \(edgeDiff)")
        #expect(edgeDiff < 1e-12)
        // np.histogram(v, bins=30, density=True)[0][[0, 15]]
        let d = h.density()
        let densityDiff = max(abs(d[0] - 0.03429011210250093), abs(d[15] - 0.13287418439719106))
        print("histogram density: max |swift - numpy| = \(densityDiff)")
        #expect(densityDiff < 1e-12)
    }

    @Test func densityIntegratesToOne() throws {
        let v = (0..<5000).map { Float(sin(Double($0) * 1.3) * 2 + cos(Double($0) * 0.7)) }
        let h = try Histogram(v, bins: 50)
        let integral = h.density().reduce(0) { $0 + $1 * h.binWidth }
        print("density integral - 1 = \(integral - 1)")
        #expect(abs(integral - 1) < 1e-12)
        #expect(h.total == 5000)
    }

    @Test func givenRangeDropsValuesOutsideIt() throws {
        // np.histogram([-1,0,0.5,1,2], bins=2, range=(0,1)) -> [1,2], edges [0,.5,1]
        let h = try Histogram([-1, 0, 0.5, 1, 2] as [Double], bins: 2, range: 0...1)
        #expect(h.counts == [1, 2])
        #expect(h.edges == [0, 0.5, 1])
    }

    @Test func constantAndEmptyInputFollowNumpy() throws {
        // np.histogram([5,5,5], bins=2) -> [0,3], edges [4.5,5,5.5]
        let c = try Histogram([5, 5, 5] as [Double], bins: 2)
        #expect(c.edges == [4.5, 5, 5.5])
        #expect(c.counts == [0, 3])
        // np.histogram([], bins=3) -> [0,0,0] over [0,1]
        let e = try Histogram([Double](), bins: 3)
        #expect(e.counts == [0, 0, 0])
        #expect(e.edges.first == 0 && e.edges.last == 1)
        #expect(e.density() == [0, 0, 0])
    }

    @Test func badInputGivesOneClearError() {
        #expect(throws: HistogramError.invalidBinCount(0)) { try Histogram([1, 2] as [Double], bins: 0) }
        #expect(throws: HistogramError.nonFiniteValue(index: 1, value: .infinity)) {
            try Histogram([1, .infinity, 3] as [Double], bins: 2)
        }
        do {
            _ = try Histogram([1, Float.nan] as [Float], bins: 2)
            Issue.record("NaN accepted")
        } catch {
            #expect(error.description.contains("index 1"))
            #expect(error.description.contains("expected a finite number"))
        }
    }

    @Test func isDeterministicAndOrderIndependent() throws {
        let v = (0..<997).map { Float(sin(Double($0 * $0) * 0.01)) }
        let a = try Histogram(v, bins: 30)
        let b = try Histogram(v.reversed(), bins: 30)
        #expect(a == b)
        // Key order of JSONEncoder varies between runs on Linux unless sorted.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try encoder.encode(a) == encoder.encode(try Histogram(v, bins: 30)))
        #expect(String(decoding: try encoder.encode(try Histogram([0, 1] as [Double], bins: 2)), as: UTF8.self)
            == #"{"counts":[1,1],"edges":[0,0.5,1]}"#)
    }
}
