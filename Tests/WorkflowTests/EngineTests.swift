import Testing
import Foundation
@testable import Workflow

@Test func skipsWhenCached() throws {
    let p = try Project()
    let first = try p.run(chain("skip"))
    #expect(first.ran == 4 && first.cached == 0)
    let second = try p.run(chain("skip"))
    #expect(second.ran == 0 && second.cached == 4)
    #expect(RunCounter.shared.count("cskip") == 1)
    let all = try Data(contentsOf: p.store.objectURL(try #require(try p.hash("cskip", "all.txt"))))
    #expect(String(decoding: all, as: UTF8.self) == "a1a2skip")
}

@Test func rerunsOnChangedParamAndInput() throws {
    let p = try Project()
    try p.run(chain("par"))
    let s = try p.run(chain("par", text: "b"))
    // Both emitters changed, so their dependent's input changed too.
    #expect(s.ran == 3 && s.cached == 1)
    let status = try StatusReport.make(pipeline: p.load(chain("par", text: "c")), store: p.store)
    #expect(status.entries.first { $0.name == "epar@1" }?.reasons == [#"params changed: text "b1" -> "c1""#])
    #expect(status.entries.first { $0.name == "cpar" }?.reasons == ["upstream 'epar@1', 'epar@2' must run first"])
}

@Test func rerunsOnBumpedKindVersion() throws {
    let p = try Project()
    try p.run(chain("ver"))
    let v2 = KindRegistry([EmitKindV2.self, ConcatKind.self])
    let status = try StatusReport.make(pipeline: p.load(chain("ver"), registry: v2), store: p.store)
    #expect(status.entries.first { $0.name == "ever@1" }?.reasons == ["kind version bumped: 1 -> 2"])
    let s = try p.run(chain("ver"), registry: v2)
    // The emitters rerun but write the same bytes: early cutoff keeps the concat cached.
    #expect(s.ran == 3 && s.cached == 1)
}

@Test func earlyCutoffKeepsDependentsCached() throws {
    let p = try Project()
    try p.run(chain("cut", extra: #", "rate": 1.0"#))
    let before = RunCounter.shared.count("ccut")
    // `rate` changes the key of the emitters but not what they write.
    let s = try p.run(chain("cut", extra: #", "rate": 2.0"#))
    #expect(s.ran == 2)
    #expect(RunCounter.shared.count("ccut") == before)
}

@Test func parallelRunsGiveIdenticalBytes() throws {
    var text = #"{"version": 1, "stages": {"e": {"matrix": {"n": [1,2,3,4,5,6,7,8]}, "kind": "emit", "params": {"text": "x${item.n}", "times": 1000}},"#
    text += #""src": {"kind": "emit", "params": {"text": "s"}}, "c": {"kind": "concat", "deps": ["e@*", "src"], "params": {"sleepMs": 5}}}}"#
    var outputs: [[String: String]] = []
    for jobs in [1, 4] {
        let p = try Project()
        try p.run(text, jobs: jobs)
        outputs.append(try p.lock().entries.mapValues { $0.outputs["out.txt"]?.hash ?? $0.outputs["all.txt"]?.hash ?? "" })
    }
    #expect(outputs[0] == outputs[1])
    #expect(outputs[0].count == 10)
}

@Test func failureBlocksOnlyDependents() throws {
    let p = try Project()
    let s = try p.run(stages(#""bad": {"kind": "fail"}, "after": {"kind": "concat", "deps": ["bad"]}, "ok": {"kind": "emit", "params": {"text": "k"}}"#))
    #expect(s.failed == 1 && s.ran == 1)
    #expect(try p.lock().entries.keys.sorted() == ["ok"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: p.store.tmp.path).isEmpty)
}

@Test func twoEnginesShareOneStore() throws {
    let p = try Project()
    let text = chain("two")
    let group = DispatchGroup()
    let results = ResultBox()
    for _ in 0..<2 {
        group.enter()
        Thread.detachNewThread {
            results.add(Result { try p.run(text) })
            group.leave()
        }
    }
    group.wait()
    let summaries = try results.all.map { try $0.get() }
    #expect(summaries.map(\.ran).reduce(0, +) == 4)  // claims split the stages; none runs twice
    #expect(RunCounter.shared.count("ctwo") == 1)
}

final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Result<RunSummary, Error>] = []
    func add(_ r: Result<RunSummary, Error>) { lock.lock(); items.append(r); lock.unlock() }
    var all: [Result<RunSummary, Error>] { lock.lock(); defer { lock.unlock() }; return items }
}

@Test func lockFileIsDeterministicAndRecordsParams() throws {
    let p = try Project()
    try p.run(chain("lock"))
    let first = try Data(contentsOf: LockFile.url(root: p.root))
    try p.run(chain("lock"))
    #expect(try Data(contentsOf: LockFile.url(root: p.root)) == first)
    #expect(try p.lock().entries["elock@2"]?.params == .object([("text", .string("a2")), ("times", .int(1))]))
}

@Test func corruptObjectIsQuarantinedAndProducerReruns() throws {
    let p = try Project()
    try p.run(chain("ver2"))
    let h = try #require(try p.hash("ever2@1", "out.txt"))
    let url = p.store.objectURL(h)
    chmod(url.path, 0o644)
    try Data("zz".utf8).write(to: url)  // same size, wrong content
    let report = try StoreMaintenance(store: p.store).verify()
    #expect(report.corrupt.map(\.hash) == [h])
    #expect(report.invalidated.map(\.stage) == ["ever2@1"])
    let s = try p.run(chain("ver2"))
    #expect(s.ran == 1 && s.cached == 3)
}

/// Issue 14: `N ran` counted a producer twice when a corrupt input sent it back.
/// Forcing both stages makes the producer run first and keep the same-size
/// corrupt object already in the store (publishing keeps an object of the
/// right size); the consumer then finds it corrupt and the producer runs again.
@Test func aProducerSentBackByACorruptInputCountsOnce() throws {
    let p = try Project()
    let text = stages(#""psrc": {"kind": "emit", "params": {"text": "abc"}}, "pcat": {"kind": "concat", "deps": ["psrc"]}"#)
    try p.run(text)
    let url = p.store.objectURL(try #require(try p.hash("psrc", "out.txt")))
    chmod(url.path, 0o644)
    try Data("xyz".utf8).write(to: url)  // same size, wrong content
    let before = RunCounter.shared.count("psrc")
    let s = try p.run(text, targets: ["psrc", "pcat"], force: true)
    #expect(RunCounter.shared.count("psrc") == before + 2, "the producer ran twice")
    #expect(s.ran == 2 && s.failed == 0 && s.cached == 0)
    let all = try Data(contentsOf: p.store.objectURL(try #require(try p.hash("pcat", "all.txt"))))
    #expect(String(decoding: all, as: UTF8.self) == "abc")
}
