import Foundation
import Testing
@testable import Workflow

@Test func timestampsAreISO8601UTCSeconds() {
    #expect(Timestamp.string(Date(timeIntervalSince1970: 1_764_581_578.9)) == "2025-12-01T09:32:58Z")
    #expect(Timestamp.string(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
    #expect(Timestamp.string(Date(timeIntervalSince1970: 951_825_599)) == "2000-02-29T11:59:59Z")
}
