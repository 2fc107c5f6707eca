import Testing
import Foundation
@testable import Workflow

/// A wide matrix (evaluated concurrently, in chunks) and a stage over it.
private func wide(_ n: Int, tag: String) -> String {
    """
    {"version": 1, "stages": {
      "e\(tag)": {"matrix": {"n": \(Array(0..<n))}, "kind": "emit", "params": {"text": "v${item.n}"}},
      "c\(tag)": {"kind": "concat", "deps": ["e\(tag)"], "params": {}}
    }}
    """
}

@Test func concurrentEvaluationEqualsOneAfterAnother() throws {
    let p = try Project()
    let text = wide(300, tag: "w")
    try p.run(text)
    // Make some stages stale: a missing record, a missing object.
    let pipeline = try p.load(text)
    let lock = try p.lock()
    try FileManager.default.removeItem(at: p.store.runURL(try #require(lock.entries["ew@7"]).key))
    let object = try #require(lock.entries["ew@250"]?.outputs["out.txt"]?.hash)
    try FileManager.default.removeItem(atPath: p.store.objectPath(object))

    let planner = Planner(pipeline: pipeline, store: p.store, lock: lock)
    var serial: [StageEvaluation] = []
    var results: [String: RunRecord] = [:]
    for s in pipeline.stages {
        let e = planner.evaluate(s, results: results)
        if let r = e.record { results[s.name] = r }
        serial.append(e)
    }
    let all = planner.evaluateAll()
    #expect(all.map(\.name) == serial.map(\.name))
    #expect(all.map(\.key) == serial.map(\.key))
    #expect(all.map(\.record) == serial.map(\.record))
    #expect(all.map(\.reasons) == serial.map(\.reasons))
    #expect(all.filter { $0.record == nil }.map(\.name) == ["ew@7", "ew@250", "cw"])

    // The run evaluates the same way: the two stale stages run; the concat's key comes out as before.
    let again = try p.run(text)
    #expect(again.ran == 2 && again.cached == 299)
}

@Test func aWideMatrixWithBadInstancesNamesTheFirst() throws {
    let p = try Project()
    // Instances 400 and 900 get names with a space: the error is the first one's, as one loop gives.
    func value(_ i: Int) -> String {
        switch i { case 400: return "\"a b\""; case 900: return "\"c d\""; default: return String(i) }
    }
    let values: String = (0..<1000).map(value).joined(separator: ", ")
    let text = #"{"version": 1, "stages": {"e": {"matrix": {"n": [\#(values)]}, "kind": "emit", "params": {"text": "${item.n}"}}}}"#
    #expect {
        try p.load(text)
    } throws: {
        ($0 as? PipelineError)?.message == "pipeline.json: stage 'e': instance name 'e@a b' is not valid (use letters, digits, '_', '-', '.', '+')"
    }
}
