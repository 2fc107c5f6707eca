import Foundation
import Testing
@testable import Workflow

/// A forced rerun that changes only a volatile output (a time stamp) leaves its dependents cached.
@Test func volatileOutputsStayOutOfDependentsKeys() throws {
    let p = try Project()
    let registry = KindRegistry([StampKind.self, ConcatKind.self])
    let text = #"{"version": 1, "stages": {"s": {"kind": "stamp", "params": {"text": "v"}}, "c": {"kind": "concat", "deps": ["s"], "params": {}}}}"#
    try p.run(text, registry: registry)
    let stampBefore = try #require(try p.lock().entries["s"]?.outputs["stamp.txt"]?.hash)
    let before = RunCounter.shared.count("c")
    let forced = try p.run(text, registry: registry, targets: ["s"], force: true)
    #expect(forced.ran == 1)
    let all = try p.run(text, registry: registry)
    #expect(all.ran == 0 && all.cached == 2)
    #expect(RunCounter.shared.count("c") == before)
    // The new stamp is published and recorded all the same.
    #expect(try p.lock().entries["s"]?.outputs["stamp.txt"]?.hash != stampBefore)
}
