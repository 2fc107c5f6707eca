import Foundation
import Testing
@testable import Workflow

/// Sleeps `ms`, then writes out.txt; with `waitForTwo` it instead polls
/// `context.threads` (up to 5 s) until it reads 2. Writes the largest count it saw.
struct ThreadsProbeKind: StageKind {
    struct Params: Codable, Sendable { var ms: Int; var waitForTwo: Bool }
    static let name = "probe"
    static let version = 1
    static let maxThreads = 2
    static let growsThreads = true
    func run(_ p: Params, in c: StageContext) throws {
        var seen = c.threads
        if p.waitForTwo {
            let deadline = Date().addingTimeInterval(5)
            while seen < 2 && Date() < deadline { usleep(5_000); seen = max(seen, c.threads) }
        } else {
            usleep(UInt32(p.ms * 1000))
        }
        try Data("\(seen)".utf8).write(to: c.outputURL("out.txt"))
    }
}

/// The same, for a kind that reads its thread count once (so is never lent cores).
struct FixedThreadsProbeKind: StageKind {
    typealias Params = ThreadsProbeKind.Params
    static let name = "fixed-probe"
    static let version = 1
    static let maxThreads = 2
    func run(_ p: Params, in c: StageContext) throws {
        var seen = c.threads
        let deadline = Date().addingTimeInterval(p.waitForTwo ? 1 : Double(p.ms) / 1000)
        while Date() < deadline { usleep(5_000); seen = max(seen, c.threads) }
        try Data("\(seen)".utf8).write(to: c.outputURL("out.txt"))
    }
}

@Suite struct ThreadLendingTests {
    let registry = KindRegistry([ThreadsProbeKind.self, FixedThreadsProbeKind.self])

    func seen(_ p: Project, _ stage: String) throws -> String {
        let hash = try #require(try p.hash(stage, "out.txt"))
        return String(decoding: try Data(contentsOf: p.store.objectURL(hash)), as: UTF8.self)
    }

    /// Two stages start on one core each; when the short one ends and nothing
    /// else is ready, its core goes to the long one, which sees threads == 2.
    @Test func aFreedCoreIsLentToARunningStageThatGrows() throws {
        let p = try Project()
        let text = """
        {"version": 1, "stages": {
          "short": {"kind": "probe", "params": {"ms": 100, "waitForTwo": false}},
          "long": {"kind": "probe", "params": {"ms": 0, "waitForTwo": true}}
        }}
        """
        let s = try p.run(text, registry: registry, jobs: 2)
        #expect(s.ran == 2 && s.failed == 0)
        #expect(try seen(p, "short") == "1")
        #expect(try seen(p, "long") == "2")
    }

    /// A kind without `growsThreads` keeps the count it started with.
    @Test func aKindThatReadsItsCountOnceIsNotLentCores() throws {
        let p = try Project()
        let text = """
        {"version": 1, "stages": {
          "short": {"kind": "probe", "params": {"ms": 100, "waitForTwo": false}},
          "long": {"kind": "fixed-probe", "params": {"ms": 0, "waitForTwo": true}}
        }}
        """
        let s = try p.run(text, registry: registry, jobs: 2)
        #expect(s.ran == 2 && s.failed == 0)
        #expect(try seen(p, "long") == "1")
    }

    /// A stage that becomes ready gets the freed core instead of a running stage.
    @Test func aReadyStageComesBeforeLending() throws {
        let p = try Project()
        let text = """
        {"version": 1, "stages": {
          "a": {"kind": "probe", "params": {"ms": 100, "waitForTwo": false}},
          "b": {"kind": "probe", "params": {"ms": 0, "waitForTwo": true}},
          "after-a": {"kind": "probe", "deps": ["a"], "params": {"ms": 300, "waitForTwo": false}}
        }}
        """
        let s = try p.run(text, registry: registry, jobs: 2)
        #expect(s.ran == 3 && s.failed == 0)
        // after-a took a's core the moment a ended (had b been lent it first, after-a
        // would have started after b, with both cores); b got its second core after that.
        #expect(try seen(p, "after-a") == "1")
        #expect(try seen(p, "b") == "2")
    }
}
