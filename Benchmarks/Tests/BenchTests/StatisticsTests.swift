import Foundation
import Testing
@testable import pipeline_bench

@Suite struct StatisticsTests {
    @Test func medianOfOddAndEvenCounts() {
        #expect(Statistics.median([3, 1, 2]) == 2)
        #expect(Statistics.median([4, 1, 3, 2]) == 2.5)
        #expect(Statistics.median([7]) == 7)
        #expect(Statistics.median([]) == nil)
    }

    @Test func timedMeasuresASleep() throws {
        let (seconds, value) = timed { () -> Int in usleep(20_000); return 5 }
        #expect(value == 5)
        #expect(seconds >= 0.02 && seconds < 1)
    }
}
