import Foundation
import Testing
@testable import Workflow

/// A kind declared `numeric`: its key includes the registry's numerics identity.
/// Writes out.txt from its params, so its bytes do not change with the identity here.
struct ScaleKind: StageKind {
    struct Params: Codable, Sendable { var factor: Double }
    static let name = "scale"
    static let version = 1
    static let numeric = true
    func run(_ p: Params, in c: StageContext) throws {
        RunCounter.shared.bump(c.stageName)
        var all = "factor \(p.factor)\n"
        for role in c.roles { for input in c.inputs(role) { all += String(decoding: try Data(contentsOf: input.url("out.txt")), as: UTF8.self) } }
        try Data(all.utf8).write(to: c.outputURL("out.txt"))
    }
}

private func identity(kernel: String) -> NumericsEnvironment {
    .available(NumericsIdentity([.init("blas", "OpenBLAS 0.3.21"), .init("kernel", kernel), .init("numerics", "1")]))
}

private func registry(kernel: String) -> KindRegistry {
    KindRegistry([EmitKind.self, ConcatKind.self, ScaleKind.self], numerics: identity(kernel: kernel))
}

/// emit -> scale (numeric) -> concat, plus an emitter beside them.
private func numericChain(_ tag: String) -> String {
    """
    {"version": 1, "stages": {
      "src\(tag)": {"kind": "emit", "params": {"text": "x"}},
      "side\(tag)": {"kind": "emit", "params": {"text": "y"}},
      "num\(tag)": {"kind": "scale", "deps": ["src\(tag)"], "params": {"factor": 2}},
      "cat\(tag)": {"kind": "concat", "deps": ["num\(tag)", "side\(tag)"], "params": {}}
    }}
    """
}

@Test func keyIncludesNumericsOnlyWhenGiven() {
    let inputs = ["a": ["out.txt": "h"]]
    let plain = CacheKey.compute(kind: "k", version: 1, params: .object([]), inputs: inputs)
    let haswell = CacheKey.compute(kind: "k", version: 1, params: .object([]), inputs: inputs, numerics: identity(kernel: "Haswell").identity)
    let zen = CacheKey.compute(kind: "k", version: 1, params: .object([]), inputs: inputs, numerics: identity(kernel: "Zen").identity)
    #expect(plain != haswell && haswell != zen)
    // Without numerics the key is the one from before identities existed (committed lock files stay valid).
    // sha256 of {"inputs":{"a":{"out.txt":"h"}},"kind":"k","params":{},"version":1}
    #expect(plain == "a7c8b485835356db7cac4b0773d4104739c447cd84cd4ad8718290d934d08a22")
}

@Test func changedIdentityChangesNumericKeysAndNothingElse() throws {
    let p = try Project()
    let text = numericChain("id")
    let first = try p.run(text, registry: registry(kernel: "Haswell"))
    #expect(first.ran == 4)
    let before = try p.lock()

    let planner = Planner(pipeline: try p.load(text, registry: registry(kernel: "SkylakeX")), store: p.store, lock: before)
    let evaluations = Dictionary(uniqueKeysWithValues: planner.evaluateAll().map { ($0.name, $0) })
    // The non-numeric stages upstream and beside keep their keys; the numeric one does not.
    #expect(evaluations["srcid"]?.key == before.entries["srcid"]?.key)
    #expect(evaluations["sideid"]?.key == before.entries["sideid"]?.key)
    #expect(evaluations["numid"]?.key != nil && evaluations["numid"]?.key != before.entries["numid"]?.key)
    #expect(evaluations["numid"]?.reasons == ["numerics changed: kernel Haswell -> SkylakeX"])

    // Rerun: only the numeric stage runs; it writes the same bytes, so the concat after it stays cached.
    let second = try p.run(text, registry: registry(kernel: "SkylakeX"))
    #expect(second.ran == 1 && second.cached == 3)
    let after = try p.lock()
    #expect(after.entries["catid"]?.key == before.entries["catid"]?.key)
    #expect(after.entries["numid"]?.numerics == identity(kernel: "SkylakeX").identity)
    #expect(after.entries["srcid"]?.numerics == nil)
}

@Test func numericKindWithoutNumericsIsALoadError() throws {
    let p = try Project()
    let broken = KindRegistry([EmitKind.self, ConcatKind.self, ScaleKind.self], numerics: .unavailable("cannot load OpenBLAS"))
    #expect(throws: PipelineError.self) { try p.load(numericChain("na"), registry: broken) }
    do { _ = try p.load(numericChain("na"), registry: broken) } catch {
        #expect("\(error)" == "pipeline.json: stage 'numna': kind 'scale' does floating-point work, and its numerics are unavailable: cannot load OpenBLAS")
    }
    // A pipeline of non-numeric kinds loads without them.
    _ = try p.load(chain("na"), registry: broken)
}
