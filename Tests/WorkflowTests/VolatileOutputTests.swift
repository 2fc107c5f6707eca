import Foundation
import Testing
@testable import Workflow

/// A forced rerun that changes only a volatile output (a time stamp) leaves its dependents cached.
@Test func volatileOutputsStayOutOfDependentsKeys() throws {
    // Stage names are unique to this test: RunCounter is shared by tests running in parallel.
    let p = try Project()
    let registry = KindRegistry([StampKind.self, ConcatKind.self])
    let text = #"{"version": 1, "stages": {"vstamp": {"kind": "stamp", "params": {"text": "v"}}, "vcat": {"kind": "concat", "deps": ["vstamp"], "params": {}}}}"#
    try p.run(text, registry: registry)
    // A volatile output is in the store's run record, not in the lock file.
    func stamp() throws -> String? { p.store.record(try #require(try p.lock().entries["vstamp"]?.key))?.outputs["stamp.txt"]?.hash }
    let stampBefore = try #require(try stamp())
    #expect(try p.lock().entries["vstamp"]?.outputs["stamp.txt"] == nil)
    #expect(try p.lock().entries["vstamp"]?.outputs["out.txt"] != nil)
    let before = RunCounter.shared.count("vcat")
    let forced = try p.run(text, registry: registry, targets: ["vstamp"], force: true)
    #expect(forced.ran == 1)
    let all = try p.run(text, registry: registry)
    #expect(all.ran == 0 && all.cached == 2)
    #expect(RunCounter.shared.count("vcat") == before)
    // The new stamp is published and recorded all the same.
    #expect(try stamp() != stampBefore)
}
