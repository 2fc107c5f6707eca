import Foundation
import Testing
@testable import Workflow

/// Named events the probe stages of one test signal and wait for, so the
/// tests fix the order things happen in instead of sleeping. One per `tag`.
final class ProbeScript: @unchecked Sendable {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var scripts: [String: ProbeScript] = [:]
    static func named(_ tag: String) -> ProbeScript {
        lock.lock(); defer { lock.unlock() }
        if let s = scripts[tag] { return s }
        let s = ProbeScript(); scripts[tag] = s
        return s
    }

    private let cond = NSCondition()
    private var happened = Set<String>()
    func signal(_ event: String) { cond.lock(); happened.insert(event); cond.broadcast(); cond.unlock() }
    /// Waits for `event`; the long timeout only keeps a broken scheduler from hanging the suite.
    func wait(_ event: String) {
        let deadline = Date().addingTimeInterval(60)
        cond.lock(); defer { cond.unlock() }
        while !happened.contains(event) { if !cond.wait(until: deadline) { return } }
    }
}

/// Signals `<announce>.started`, waits for each event of `after`, signals
/// `checked`, then with `waitForTwo` waits until its thread count reaches 2
/// and signals `grown`. Writes the thread counts it read at those points,
/// comma-separated: at start, after the waits, after the wait for two.
struct ThreadsProbeKind: StageKind {
    struct Params: Codable, Sendable {
        var tag: String; var announce: String; var after: [String]?; var checked: String?; var waitForTwo: Bool?; var grown: String?
    }
    static let name = "probe"
    static let version = 1
    static let maxThreads = 2
    static let growsThreads = true
    func run(_ p: Params, in c: StageContext) throws {
        let script = ProbeScript.named(p.tag)
        var seen = [c.threads]
        script.signal(p.announce + ".started")
        for e in p.after ?? [] { script.wait(e) }
        seen.append(c.threads)
        if let e = p.checked { script.signal(e) }
        if p.waitForTwo == true {
            _ = c.share.wait(untilAtLeast: 2, timeout: 60)
            seen.append(c.threads)
            if let e = p.grown { script.signal(e) }
        }
        try Data(seen.map(String.init).joined(separator: ",").utf8).write(to: c.outputURL("out.txt"))
    }
}

/// The same, for a kind that reads its thread count once (so is never lent cores).
struct FixedThreadsProbeKind: StageKind {
    typealias Params = ThreadsProbeKind.Params
    static let name = "fixed-probe"
    static let version = 1
    static let maxThreads = 2
    func run(_ p: Params, in c: StageContext) throws { try ThreadsProbeKind().run(p, in: c) }
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
        let tag = UUID().uuidString
        let text = """
        {"version": 1, "stages": {
          "short": {"kind": "probe", "params": {"tag": "\(tag)", "announce": "short", "after": ["long.started"]}},
          "long": {"kind": "probe", "params": {"tag": "\(tag)", "announce": "long", "waitForTwo": true}}
        }}
        """
        let s = try p.run(text, registry: registry, jobs: 2)
        #expect(s.ran == 2 && s.failed == 0)
        #expect(try seen(p, "short") == "1,1")
        #expect(try seen(p, "long") == "1,1,2")
    }

    /// A kind without `growsThreads` keeps the count it started with: the freed
    /// core goes to the growing stage started after it, which lending would
    /// otherwise serve second (one core at a time, in start order).
    @Test func aKindThatReadsItsCountOnceIsNotLentCores() throws {
        let p = try Project()
        let tag = UUID().uuidString
        let text = """
        {"version": 1, "stages": {
          "short": {"kind": "probe", "params": {"tag": "\(tag)", "announce": "short", "after": ["fixed.started", "grows.started"]}},
          "fixed": {"kind": "fixed-probe", "params": {"tag": "\(tag)", "announce": "fixed", "after": ["grows.lent"]}},
          "grows": {"kind": "probe", "params": {"tag": "\(tag)", "announce": "grows", "waitForTwo": true, "grown": "grows.lent"}}
        }}
        """
        let s = try p.run(text, registry: registry, jobs: 3)
        #expect(s.ran == 3 && s.failed == 0)
        #expect(try seen(p, "fixed") == "1,1")
        #expect(try seen(p, "grows") == "1,1,2")
    }

    /// A stage that becomes ready gets the freed core instead of a running stage.
    @Test func aReadyStageComesBeforeLending() throws {
        let p = try Project()
        let tag = UUID().uuidString
        let text = """
        {"version": 1, "stages": {
          "a": {"kind": "probe", "params": {"tag": "\(tag)", "announce": "a", "after": ["b.started"]}},
          "b": {"kind": "probe", "params": {"tag": "\(tag)", "announce": "b", "after": ["after-a.started"], "checked": "b.checked", "waitForTwo": true}},
          "after-a": {"kind": "probe", "deps": ["a"], "params": {"tag": "\(tag)", "announce": "after-a", "after": ["b.checked"]}}
        }}
        """
        let s = try p.run(text, registry: registry, jobs: 2)
        #expect(s.ran == 3 && s.failed == 0)
        // after-a took a's core the moment a ended, while b still had one; b got
        // its second core only when after-a ended.
        #expect(try seen(p, "after-a") == "1,1")
        #expect(try seen(p, "b") == "1,1,2")
    }
}
