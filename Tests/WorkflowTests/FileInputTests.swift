import Testing
import Foundation
@testable import Workflow
import Hashing

/// Concatenates every workspace file it lists (read through the context) into out.txt, in path order.
struct ReadFilesKind: StageKind {
    struct Params: Codable, Sendable { var tag: String? }
    static let name = "readfiles"
    static let version = 1
    func run(_ p: Params, in c: StageContext) throws {
        RunCounter.shared.bump(c.stageName)
        var all = Data()
        for path in c.files.keys.sorted() { all.append(try Data(contentsOf: c.workspaceFile(path))) }
        try all.write(to: c.outputURL("out.txt"))
    }
}

let fileRegistry = KindRegistry([EmitKind.self, ConcatKind.self, ReadFilesKind.self])

extension Project {
    func put(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func status(_ text: String) throws -> [String: [String]] {
        let report = try StatusReport.make(pipeline: load(text, registry: fileRegistry), store: store)
        return Dictionary(uniqueKeysWithValues: report.entries.map { ($0.name, $0.reasons) })
    }
}

private func filesPipeline(_ tag: String, _ files: String) -> String {
    #"{"version": 1, "stages": {"r\#(tag)": {"kind": "readfiles", "files": \#(files)}, "c\#(tag)": {"kind": "concat", "deps": ["r\#(tag)"]}}}"#
}

@Test func editedWorkspaceFileRerunsItsReader() throws {
    let p = try Project()
    try p.put("src/prep.py", "print(1)\n")
    try p.put("data/raw/a.csv", "a\n")
    let text = filesPipeline("f1", #"["src/prep.py", "data/raw/"]"#)
    #expect(try p.run(text, registry: fileRegistry).ran == 2)
    #expect(try p.run(text, registry: fileRegistry).cached == 2)
    #expect(try p.lock().entries["rf1"]?.files.keys.sorted() == ["data/raw/a.csv", "src/prep.py"])

    try p.put("src/prep.py", "print(2)\n")
    #expect(try p.status(text)["rf1"] == ["input file src/prep.py changed"])
    try p.put("data/raw/b.csv", "b\n")
    #expect(try p.status(text)["rf1"] == ["new input file data/raw/b.csv", "input file src/prep.py changed"])
    let s = try p.run(text, registry: fileRegistry)
    #expect(s.ran == 2 && s.cached == 0)
    let out = try Data(contentsOf: p.store.objectURL(try #require(try p.hash("rf1", "out.txt"))))
    #expect(String(decoding: out, as: UTF8.self) == "a\nb\nprint(2)\n")

    // Same bytes again: the reader reruns, but early cutoff keeps its dependant cached.
    try p.put("src/prep.py", "print(3)\n")
    try p.run(text, registry: fileRegistry)
    let before = RunCounter.shared.count("cf1")
    try p.put("src/prep.py", "print(3)\n")  // rewritten, same content: only a stat changed
    #expect(try p.run(text, registry: fileRegistry).cached == 2)
    #expect(RunCounter.shared.count("cf1") == before)
}

@Test func globFilesAreExpandedAndKeyed() throws {
    let p = try Project()
    try p.put("data/x.csv", "x\n")
    try p.put("data/y.csv", "y\n")
    try p.put("data/notes.txt", "n\n")
    let text = filesPipeline("g1", #"["data/*.csv"]"#)
    try p.run(text, registry: fileRegistry)
    #expect(try p.lock().entries["rg1"]?.files.keys.sorted() == ["data/x.csv", "data/y.csv"])
    try p.put("data/notes.txt", "changed\n")
    #expect(try p.status(text)["rg1"] == [])
    try FileManager.default.removeItem(at: p.root.appendingPathComponent("data/y.csv"))
    #expect(try p.status(text)["rg1"] == ["input file data/y.csv removed"])
}

@Test func missingWorkspaceFileIsALoadError() throws {
    let p = try Project()
    #expect(throws: PipelineError.self) { try p.load(filesPipeline("m1", #"["src/prep.py"]"#), registry: fileRegistry) }
    func message(_ files: String) -> String {
        do { _ = try p.load(filesPipeline("m1", files), registry: fileRegistry); return "" } catch { return "\(error)" }
    }
    #expect(message(#"["src/prep.py"]"#) == "pipeline.json: stage 'rm1': files[0]: 'src/prep.py' does not exist (looked in \(p.root.path))")
    #expect(message(#"["data/*.csv"]"#) == "pipeline.json: stage 'rm1': files[0]: 'data/*.csv' matches no file in \(p.root.path)")
    #expect(message(#"["../etc/passwd"]"#) == "pipeline.json: stage 'rm1': files[0]: expected a path inside the project, relative to pipeline.json's folder, found '../etc/passwd'")
    #expect(message(#""x""#) == "pipeline.json: stage 'rm1': files: expected an array of paths, found a string")
}

@Test func fileVanishedAfterLoadFailsTheStage() throws {
    let p = try Project()
    try p.put("in.txt", "a")
    let pipeline = try p.load(filesPipeline("v1", #"["in.txt"]"#), registry: fileRegistry)
    try FileManager.default.removeItem(at: p.root.appendingPathComponent("in.txt"))
    var o = RunOptions(); o.jobs = 1
    let s = try Engine(pipeline: pipeline, store: p.store, console: Console(isTerminal: false)).run(o)
    #expect(s.failed == 1 && s.ran == 0)
}

@Test func readingAnUnlistedWorkspaceFileFails() throws {
    let dir = FileManager.default.temporaryDirectory
    let c = StageContext(stageName: "t", threads: 1, outputDirectory: dir, scratchDirectory: dir, inputs: [],
                         projectDirectory: dir, files: ["a.txt": "h"], log: { _ in }, progress: { _ in })
    #expect(try c.workspaceFile("a.txt") == dir.appendingPathComponent("a.txt"))
    #expect(throws: StageError.self) { try c.workspaceFile("b.txt") }
}

/// Stages without `files` keep the keys they had before files existed (the
/// committed lock files' keys must not move): the key is the hash of exactly
/// this canonical JSON.
@Test func keysWithoutFilesAreUnchanged() throws {
    let params: JSONValue = .object([("text", .string("a"))])
    let key = CacheKey.compute(kind: "emit", version: 1, params: params, inputs: ["src": ["out.txt": "ab"]])
    let expected = #"{"inputs":{"src":{"out.txt":"ab"}},"kind":"emit","params":{"text":"a"},"version":1}"#
    #expect(CanonicalJSON.string(try JSONParser.parse(expected)) == expected)
    #expect(key == SHA256.hash(expected).hex)
    #expect(CacheKey.compute(kind: "emit", version: 1, params: params, inputs: [:], files: ["f": "h"])
            != CacheKey.compute(kind: "emit", version: 1, params: params, inputs: [:]))
}

/// Long lists of changed inputs are summarised on one line; short ones are not.
@Test func longReasonListsAreSummarised() {
    let many = (1...52).map { "input activations@a\($0)/act.json changed" }
    #expect(StaleReasons.describe(["params changed: x 1 -> 2"] + many + ["new input x"]) ==
            "params changed: x 1 -> 2; 52 inputs changed: activations@a1/act.json, activations@a2/act.json, activations@a3/act.json, activations@a4/act.json, activations@a5/act.json and 47 more; new input x")
    #expect(StaleReasons.describe(["input a/x changed", "input file f changed", "input b/x changed"]) == "input a/x changed; input file f changed; input b/x changed")
    let files = (1...7).map { "input file data/\($0).csv changed" }
    #expect(StaleReasons.describe(files) == "7 input files changed: data/1.csv, data/2.csv, data/3.csv, data/4.csv, data/5.csv and 2 more")
    #expect(StaleReasons.upstream(["a", "b"]) == "upstream 'a', 'b' must run first")
}

/// A stage waiting for upstream stages also reports its own changes.
@Test func waitingStageReportsItsOwnChangesToo() throws {
    let p = try Project()
    try p.put("in.txt", "1")
    let text = #"{"version": 1, "stages": {"e": {"kind": "emit", "params": {"text": "a"}}, "r": {"kind": "readfiles", "deps": ["e"], "files": ["in.txt"]}}}"#
    try p.run(text, registry: fileRegistry)
    try p.put("in.txt", "2")
    #expect(try p.status(text.replacingOccurrences(of: #""a""#, with: #""b""#))["r"] == ["input file in.txt changed", "upstream 'e' must run first"])
}

/// Listing the whole project leaves out pipeline's own state, which changes with every run.
@Test func projectFolderAsInputSkipsPipelineState() throws {
    let p = try Project()
    try p.put("a.txt", "a")
    try p.put(".git/HEAD", "ref")
    let text = filesPipeline("d1", #"["."]"#)
    try p.run(text, registry: fileRegistry)
    #expect(try p.lock().entries["rd1"]?.files.keys.sorted() == ["a.txt"])
    #expect(try p.run(text, registry: fileRegistry).cached == 2)
}
