import Foundation
import Testing
@testable import Workflow

/// Reads one `base` input and any number of `extra` inputs.
struct ReadsRolesKind: StageKind {
    struct Params: Codable, Sendable {}
    static let name = "reads"
    static let version = 1
    static let inputs = [InputRole("base", files: ["out.txt"]), InputRole("extra", .oneOrMore)]
    func run(_ p: Params, in c: StageContext) throws { try Data().write(to: c.outputURL("x")) }
}

private let rolesRegistry = KindRegistry([EmitKind.self, ReadsRolesKind.self])

private func pipeline(deps: String) -> String {
    """
    {"version": 1, "stages": {
      "base": {"kind": "emit", "params": {"text": "b"}},
      "other": {"kind": "emit", "params": {"text": "o"}},
      "extra": {"matrix": {"n": [1, 2]}, "kind": "emit", "params": {"text": "n${item.n}"}},
      "r": {"kind": "reads", "deps": \(deps), "params": {}}
    }}
    """
}

private func rolesLoadError(_ text: String) throws -> String? {
    do { _ = try Project().load(text, registry: rolesRegistry); return nil } catch { return "\(error)" }
}

@Test func declaredRolesAreCheckedWhenThePipelineLoads() throws {
    #expect(try rolesLoadError(pipeline(deps: #"["base", "extra"]"#)) == nil)
    #expect(try rolesLoadError(pipeline(deps: #"["base", "extra@1"]"#)) == nil)
    #expect(try rolesLoadError(pipeline(deps: #"["other", "extra"]"#))
            == "pipeline.json: stage 'r': kind 'reads' needs an input 'base' (a dependency named base or base@…), found none")
    #expect(try rolesLoadError(pipeline(deps: #"["base"]"#))
            == "pipeline.json: stage 'r': kind 'reads' needs an input 'extra' (a dependency named extra or extra@…), found none")
}

@Test func aRoleOfOneRefusesTwo() throws {
    let text = """
    {"version": 1, "stages": {
      "base": {"matrix": {"n": [1, 2]}, "kind": "emit", "params": {"text": "n${item.n}"}},
      "extra": {"kind": "emit", "params": {"text": "e"}},
      "r": {"kind": "reads", "deps": ["base", "extra"], "params": {}}
    }}
    """
    #expect(try rolesLoadError(text) == "pipeline.json: stage 'r': kind 'reads' needs exactly one input 'base', found 2")
}

@Test func roleDescriptionsListFiles() {
    #expect(InputRole("init", files: ["a", "b"]).description == "init (a, b)")
    #expect(InputRole("evaluate", .oneOrMore).description == "evaluate…")
    #expect(InputRole("notes", .zeroOrMore, files: ["n.json"]).description == "[notes…] (n.json)")
}

/// Reads one `base` input and, optionally, any number of `extra` inputs.
struct ReadsOptionalKind: StageKind {
    struct Params: Codable, Sendable {}
    static let name = "reads-optional"
    static let version = 1
    static let inputs = [InputRole("base"), InputRole("extra", .zeroOrMore)]
    func run(_ p: Params, in c: StageContext) throws { try Data().write(to: c.outputURL("x")) }
}

@Test func aRoleOfZeroOrMoreMayBeAbsent() throws {
    let registry = KindRegistry([EmitKind.self, ReadsOptionalKind.self])
    func load(deps: String) throws -> String? {
        let text = pipeline(deps: deps).replacingOccurrences(of: #""kind": "reads""#, with: #""kind": "reads-optional""#)
        do { _ = try Project().load(text, registry: registry); return nil } catch { return "\(error)" }
    }
    #expect(try load(deps: #"["base"]"#) == nil)
    #expect(try load(deps: #"["base", "extra"]"#) == nil)
    #expect(try load(deps: #"["extra"]"#)
            == "pipeline.json: stage 'r': kind 'reads-optional' needs an input 'base' (a dependency named base or base@…), found none")
}
