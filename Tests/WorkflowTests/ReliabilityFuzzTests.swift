import Testing
import Foundation
import FuzzSupport
@testable import Workflow

/// One random edit of `bytes`: flip, delete, insert, duplicate, truncate or
/// splice in a JSON token, so mutants stay near the grammar and reach deep paths.
func mutate(_ bytes: [UInt8], _ rng: inout FuzzRandom) -> [UInt8] {
    var b = bytes
    let tokens = ["{", "}", "[", "]", ",", ":", "\"", "null", "true", "-1", "1e999", "0.5", "\"${item.x}\"", "\"@*\"",
                  "\"kind\"", "\"deps\"", "\"matrix\"", "\"params\"", "\\u0000", "\\ud800", "\u{FEFF}", "9223372036854775808"]
    let at = rng.below(b.count + 1)
    switch rng.below(6) {
    case 0 where !b.isEmpty: b[min(at, b.count - 1)] ^= UInt8(1 << rng.below(8))
    case 1 where !b.isEmpty: b.removeSubrange(min(at, b.count - 1)..<min(b.count, at + 1 + rng.below(8)))
    case 2: b.insert(UInt8(rng.below(256)), at: at)
    case 3 where !b.isEmpty:
        let from = rng.below(b.count), len = rng.below(16)
        b.insert(contentsOf: b[from..<min(b.count, from + len)], at: at)
    case 4: b = Array(b.prefix(at))
    default: b.insert(contentsOf: Array(tokens[rng.below(tokens.count)].utf8), at: at)
    }
    return b
}

let fuzzSeedPipeline = #"""
{"version": 1, "stages": {
  "src": {"kind": "write", "params": {"files": {"a.txt": "hi"}}},
  "t": {"matrix": {"n": [1, 2], "s": ["x", true]}, "name": "${item.n}-${item.s}", "kind": "emit",
        "deps": ["src"], "params": {"text": "v${item.n}", "times": "${item.n}", "rate": 0.5},
        "resources": {"cpus": 2, "mem": "2G", "time": "1:00:00"}},
  "c": {"kind": "concat", "deps": ["t@*", "src"], "params": {"sleepMs": 1}},
  "sh": {"kind": "shell", "deps": ["c"], "params": {"cmd": "true", "outputs": ["o"]}}},
 "outputs": [{"stage": "c", "path": "outputs"}, {"stage": "c", "file": "all.txt", "path": "x/all.txt"}]}
"""#

/// 2,500 seeded mutants of a valid pipeline.json through the full loader (the
/// file path, parser, matrix expansion, params decoding, graph checks): each
/// either loads or throws one error naming pipeline.json. A crash fails the run.
@Test func pipelineJSONFuzzNeverCrashes() throws {
    var registry = testRegistry
    registry.register(WriteKind.self)
    registry.register(ShellKind.self)
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent("pipeline.json")
    let valid = Array(fuzzSeedPipeline.utf8)
    _ = try PipelineLoader.load(file: { try Data(valid).write(to: url); return url }(), displayName: "pipeline.json", registry: registry)
    var rng = FuzzRandom(state: 20261129)
    var loaded = 0, rejected = 0, unnamed: [String] = []
    let started = Date()
    for _ in 0..<2500 {
        var b = valid
        for _ in 0..<(1 + rng.below(3)) { b = mutate(b, &rng) }
        try Data(b).write(to: url)
        do {
            _ = try PipelineLoader.load(file: url, displayName: "pipeline.json", registry: registry)
            loaded += 1
        } catch {
            rejected += 1
            let m = "\(error)"
            if !m.hasPrefix("pipeline.json") || m.contains("\n") { unnamed.append(m) }
        }
    }
    print("pipeline.json fuzz: 2500 mutants, \(loaded) loaded, \(rejected) rejected, \(unnamed.count) messages not naming the file, \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    #expect(rejected > 1500, "most mutants are invalid; too few rejections means the mutator is broken")
    #expect(unnamed.isEmpty, "errors must be one line starting with the file name: \(unnamed.prefix(5))")
}
