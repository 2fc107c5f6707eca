@testable import Study
import Testing

@Suite struct MetricsTests {
    @Test func meanAndSampleStandardDeviation() {
        let (m, s) = meanStd([88.0, 89.0, 90.0])
        #expect(m == 89.0)
        #expect(abs(s - 1.0) < 1e-12)
        #expect(meanStd([87.5]).std == 0)
    }
}
