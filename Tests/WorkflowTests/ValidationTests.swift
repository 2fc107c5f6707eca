import Testing
import Foundation
@testable import Workflow

/// The message `text` fails with, or nil if it loads.
func loadError(_ text: String) -> String? {
    do {
        let root = FileManager.default.temporaryDirectory
        let url = root.appendingPathComponent("v-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        _ = try PipelineLoader.load(file: url, displayName: "pipeline.json", registry: testRegistry)
        return nil
    } catch { return "\(error)" }
}

func stages(_ body: String) -> String { #"{"version": 1, "stages": {"# + body + "}}" }

@Test func validationErrorsNameFileStageAndField() {
    let cases: [(String, String)] = [
        ("{\"version\": 1,\n \"stages\": {\"a\" {}}}", "pipeline.json:2:17: expected ':' after key 'a'"),
        (stages(#""a": {"kind": "nope"}"#), "pipeline.json: stage 'a': unknown kind 'nope' (known kinds: concat, emit, fail)"),
        (stages(#""a": {"kind": "emit", "params": {"text": "x", "colour": 1}}"#),
         "pipeline.json: stage 'a': unknown parameter 'colour' (known: text, times, rate)"),
        (stages(#""a": {"kind": "emit", "params": {}}"#),
         "pipeline.json: stage 'a': missing parameter 'text' (kind 'emit' needs: text, times, rate)"),
        (stages(#""t": {"matrix": {"r": ["x"]}, "kind": "emit", "params": {"text": "a", "rate": "${item.r}"}}"#),
         "pipeline.json: stage 't@x': params.rate: expected a number, found a string"),
        (stages(#""a": {"kind": "emit", "params": {"text": "a", "times": 1.5}}"#),
         "pipeline.json: stage 'a': params.times: expected an integer, found a number"),
        (stages(#""a": {"kind": "concat", "deps": ["b"]}"#), "pipeline.json: stage 'a': unknown dependency 'b'"),
        (stages(#""a": {"kind": "concat", "deps": ["x@*"]}"#),
         "pipeline.json: stage 'a': unknown dependency 'x@*' (the pattern matches no stage)"),
        (stages(#""t": {"matrix": {"n": [1, 2]}, "name": "same", "kind": "emit", "params": {"text": "a"}}"#),
         "pipeline.json: stage 't@same': duplicate name (from matrix template 't'; make its \"name\" tell the instances apart)"),
        (stages(#""a": {"kind": "concat", "deps": ["c"]}, "b": {"kind": "concat", "deps": ["a"]}, "c": {"kind": "concat", "deps": ["b"]}"#),
         "pipeline.json: dependency cycle: a -> c -> b -> a"),
        (stages(#""t": {"matrix": {"n": [1]}, "kind": "emit", "params": {"text": "${item.m}"}}"#),
         "pipeline.json: stage 't': params.text: bad matrix reference '${item.m}' (the matrix has: item.n)"),
        (stages(#""a": {"kind": "emit", "params": {"text": "${item.n}"}}"#),
         "pipeline.json: stage 'a': params.text: bad matrix reference '${item.n}' (the stage has no matrix)"),
        (stages(#""a": {"kind": "emit", "parms": {}}"#),
         "pipeline.json: stage 'a': unknown field 'parms' (expected: kind, params, deps, files, outs, paramsFiles, matrix, name, resources)"),
        (stages(#""a": {"kind": "emit", "params": {"text": "a"}, "resources": {"mem": "lots"}}"#),
         "pipeline.json: stage 'a': resources.mem: expected a size such as \"2G\", found \"lots\""),
        (#"{"version": 2, "stages": {}}"#, "pipeline.json: version: expected 1, found 2"),
    ]
    for (text, expected) in cases {
        let got = loadError(text)
        #expect(got == expected, "for \(text)")
    }
}

@Test func matrixExpandsInOrderWithTypedValues() throws {
    let p = try Project().load(stages(#"""
      "t": {"matrix": {"act": ["relu", "tanh"], "seed": [42, 43]}, "name": "${item.act}-s${item.seed}",
            "kind": "emit", "params": {"text": "${item.act}/${item.seed}", "times": "${item.seed}"}},
      "d": {"matrix": {"seed": [42, 43]}, "kind": "concat", "deps": ["t@*-s${item.seed}"]}
    """#))
    #expect(p.stages.map(\.name) == ["t@relu-s42", "t@relu-s43", "t@tanh-s42", "t@tanh-s43", "d@42", "d@43"])
    #expect(p["t@tanh-s43"]?.params == .object([("text", .string("tanh/43")), ("times", .int(43))]))
    #expect(p["d@43"]?.deps == ["t@relu-s43", "t@tanh-s43"])
}

@Test func resourcesAreKept() throws {
    let p = try Project().load(stages(#""a": {"kind": "emit", "params": {"text": "a"}, "resources": {"cpus": 2, "mem": "2G", "time": "1:00:00"}}"#))
    #expect(p["a"]?.resources == Resources(cpus: 2, mem: "2G", time: "1:00:00"))
}

/// Only `${item.<key>}` is a template reference: shell syntax stays as written,
/// with or without a matrix.
@Test func onlyItemReferencesAreTemplates() throws {
    let p = try Project().load(stages(#"""
      "a": {"kind": "emit", "params": {"text": "${OUT} ${1:-x} ${#y} ${"}},
      "t": {"matrix": {"n": [1]}, "kind": "emit", "params": {"text": "${item.n}-${HOME}"}}
    """#))
    #expect(p["a"]?.params["text"] == .string("${OUT} ${1:-x} ${#y} ${"))
    #expect(p["t@1"]?.params["text"] == .string("1-${HOME}"))
    #expect(loadError(stages(#""t": {"matrix": {"n": [1]}, "kind": "emit", "params": {"text": "${item.n"}}"#))
            == "pipeline.json: stage 't': params.text: unterminated matrix reference in '${item.n'")
}
