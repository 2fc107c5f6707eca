import Foundation
import Testing
import Workflow

@Suite struct MetricsCheckTests {
    let reference = #"{"acc": {"relu": {"42": 88.62, "43": 88.1}}, "dead": {"untrained": [0, 0, 3, 10]}, "name": "x"}"#

    func compare(_ actual: String, _ tolerances: [String: Double]) throws -> [String] {
        try MetricsCheck(tolerances: tolerances).compare(actual: Data(actual.utf8), reference: Data(reference.utf8)).map(\.description)
    }

    @Test func withinTolerancePasses() throws {
        let actual = #"{"acc": {"relu": {"42": 88.9, "43": 88.0}}, "dead": {"untrained": [0, 0, 3, 10]}, "name": "x"}"#
        #expect(try compare(actual, ["acc": 0.5]) == [])
    }

    @Test func reportsEveryNumberBeyondItsTolerance() throws {
        let actual = #"{"acc": {"relu": {"42": 89.5, "43": 88.1}}, "dead": {"untrained": [0, 1, 3, 10]}, "name": "x"}"#
        #expect(try compare(actual, ["acc": 0.5, "acc.relu.43": 0]) == [
            "acc.relu.42: 89.5, reference 88.62: differs by 0.8799999999999955, tolerance 0.5",
            "dead.untrained.1: 1, reference 0: differs by 1, tolerance 0",
        ])
    }

    @Test func theLongestMatchingToleranceWins() {
        let check = MetricsCheck(tolerances: ["acc": 0.5, "acc.relu": 0.1, "ac": 9])
        #expect(check.tolerance(for: "acc.relu.42") == 0.1)
        #expect(check.tolerance(for: "acc.tanh.42") == 0.5)
        #expect(check.tolerance(for: "accuracy") == 0)
    }

    @Test func shapeChangesAreDifferences() throws {
        let actual = #"{"acc": {"relu": {"42": 88.62}}, "dead": {"untrained": [0, 0, 3]}, "name": "y", "extra": 1}"#
        #expect(try compare(actual, ["acc": 1]) == [
            "acc.relu.43: missing from the new metrics",
            "dead.untrained: 3 entries, reference has 4",
            "extra: not in the reference metrics",
            "name: \"y\", reference \"x\"",
        ])
    }
}
