import Testing
@testable import Nets

@Suite struct GradientStatsTests {
    @Test func meanAbsAndUnbiasedStd() throws {
        // [1, -2, 3, -4]: mean |g| = 2.5; mean = -0.5; squares 2.25+2.25+12.25+12.25 = 29; std = sqrt(29/3).
        let a = try Matrix(rows: 2, cols: 2, values: [1, -2, 3, -4])
        let b = try Matrix(rows: 1, cols: 3, values: [2, 2, 2])
        let stats = GradientStats.of([a, b])
        #expect(stats.meanAbs == [2.5, 2])
        #expect(abs(stats.std[0] - (29.0 / 3).squareRoot()) < 1e-12)
        #expect(stats.std[1] == 0)
    }

    @Test func emptyAndSingleValues() {
        #expect(GradientStats.stats([]).meanAbs.isNaN)  // SummaryStats' convention
        #expect(GradientStats.stats([-3]) == (3, 0))
    }
}

@Suite struct GoldenGradientsTests {
    @Test func fixtureHasEveryActivationWithFiveLayers() throws {
        let golden = try GoldenGradients.load()
        #expect(Set(golden.keys) == Set(ActivationKind.allCases))
        for (kind, g) in golden {
            #expect(g.meanAbs.count == 5 && g.std.count == 5, "\(kind)")
            #expect(g.loss > 2.2 && g.loss < 2.5, "\(kind): loss near ln 10 at init")
        }
    }

    @Test func comparisonMeasuresRelativeDifferences() throws {
        let relu = try #require(try GoldenGradients.load()[.relu])
        let perturbed = (relu.meanAbs.enumerated().map { $0.offset == 2 ? $0.element * 1.01 : $0.element },
                         relu.std.map { $0 * 0.98 })
        let d = relu.compare(loss: Float(relu.loss * 1.001), stats: perturbed)
        print("golden comparison of a perturbed copy: \(d)")
        #expect(abs(d.loss - 0.001) < 1e-6)
        #expect(abs(d.meanAbs - 0.01) < 1e-9)
        #expect(abs(d.std - 0.02) < 1e-9)
        #expect(relu.compare(loss: 0, stats: ([1], [1])).meanAbs == .infinity)
    }
}
