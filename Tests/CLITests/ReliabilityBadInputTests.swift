import Testing
import Foundation

/// One malformed input: a pipeline.json (with `FIX` standing for the folder
/// holding `files`), the exit status it must give, and the words its single
/// error must contain (the file and the field or stage at fault; a stage's
/// error may list details on indented lines after its one `error:` line).
struct BadInput: CustomStringConvertible {
    let name: String
    let pipeline: String
    var files: [String: [UInt8]] = [:]
    let code: Int32
    let mentions: [String]
    var description: String { name }
}

/// A stage that copies the test's files in, under the role `download`.
func copyStage(_ name: String = "download") -> String {
    #""\#(name)": {"kind": "shell", "params": {"cmd": "cp FIX/* $OUT/"}}"#
}

/// `download` (copy) -> `decompress`: the data checks of the study on `files`.
func decompressCase(_ name: String, _ files: [String: [UInt8]], _ mentions: String...) -> BadInput {
    BadInput(name: name, pipeline: #"{"version": 1, "stages": {\#(copyStage()), "decompress": {"kind": "decompress", "deps": ["download"]}}}"#,
             files: files, code: 1, mentions: mentions)
}

/// A valid tiny data set, split, and an `init` stage of kind `write` with the given files feeding `train`.
func checkpointCase(_ name: String, _ initFiles: String, _ mentions: String...) throws -> BadInput {
    BadInput(name: name, pipeline: #"""
        {"version": 1, "stages": {\#(copyStage()),
          "decompress": {"kind": "decompress", "deps": ["download"]},
          "split": {"kind": "split", "deps": ["decompress"], "params": {"seed": 42, "train": 15, "validation": 5}},
          "init": {"kind": "write", "params": {"files": \#(initFiles)}},
          "train": {"kind": "train", "deps": ["decompress", "split", "init"],
                    "params": {"activation": "relu", "batchSize": 5, "learningRate": 0.01, "momentum": 0.9, "maxEpochs": 1, "patience": 1}}}}
        """#, files: try ReliabilityData.gzipped(), code: 1, mentions: ["train", "init/init.safetensors"] + mentions)
}

func downloadCase(_ name: String, size: String, sha: String, file: String = "train-labels-idx1-ubyte.gz", _ mentions: String...) throws -> BadInput {
    let gz = try ReliabilityData.gzipped()
    return BadInput(name: name, pipeline: #"""
        {"version": 1, "stages": {"download": {"kind": "download", "params": {"sources": ["file://FIX/"],
          "files": [{"name": "\#(file)", "size": \#(size), "sha256": "\#(sha)"}], "connectTimeoutSeconds": 1, "retries": 0}}}}
        """#, files: gz, code: 1, mentions: ["download", file] + mentions)
}

func specCase(_ name: String, _ pipeline: String, _ mentions: String...) -> BadInput {
    BadInput(name: name, pipeline: pipeline, code: 2, mentions: ["pipeline.json"] + mentions)
}

func badInputs() throws -> [BadInput] {
    let ok = #""a": {"kind": "write", "params": {"files": {"x.txt": "x"}}}"#
    func st(_ body: String) -> String { #"{"version": 1, "stages": {"# + body + "}}" }
    let gz = try ReliabilityData.gzipped()
    let labelsGz = gz["train-labels-idx1-ubyte.gz"] ?? []
    let rawLabels = ReliabilityData.labels(20)
    var cases: [BadInput] = [
        specCase("syntax: missing comma", "{\"version\": 1\n \"stages\": {}}", "pipeline.json:2:2"),
        specCase("syntax: trailing garbage", st(ok) + " x", "pipeline.json:1:"),
        specCase("syntax: empty file", "", "pipeline.json:"),
        specCase("syntax: lone surrogate escape", "{\"version\": 1, \"stages\": {\"\u{FFFD}\": 1}}".replacingOccurrences(of: "\u{FFFD}", with: "\\ud800"), "pipeline.json"),
        specCase("type: version as string", #"{"version": "1", "stages": {}}"#, "version"),
        specCase("type: stages as array", #"{"version": 1, "stages": []}"#, "stages"),
        specCase("type: param of the wrong type", st(#""a": {"kind": "shell", "params": {"cmd": 3}}"#), "stage 'a'", "params.cmd"),
        specCase("type: deps as string", st(#""a": {"kind": "shell", "deps": "b", "params": {"cmd": "true"}}"#), "stage 'a'", "deps"),
        specCase("unknown top-level field", #"{"version": 1, "stages": {}, "extra": 1}"#, "extra"),
        specCase("duplicate key", st(ok + ", " + ok), "'a'"),
        specCase("unknown kind", st(#""a": {"kind": "trian"}"#), "stage 'a'", "unknown kind 'trian'"),
        specCase("unknown parameter", st(#""a": {"kind": "split", "params": {"seed": 1, "train": 1, "validation": 1, "lr": 2}}"#), "stage 'a'", "'lr'"),
        specCase("missing parameter", st(#""a": {"kind": "split", "params": {"train": 1, "validation": 1}}"#), "stage 'a'", "'seed'"),
        specCase("unknown stage field", st(#""a": {"kind": "shell", "parms": {}}"#), "stage 'a'", "'parms'"),
        specCase("cycle", st(#""a": {"kind": "shell", "deps": ["b"], "params": {"cmd": "true"}}, "b": {"kind": "shell", "deps": ["a"], "params": {"cmd": "true"}}"#), "cycle"),
        specCase("self dependency", st(#""a": {"kind": "shell", "deps": ["a"], "params": {"cmd": "true"}}"#), "a"),
        specCase("unknown dependency", st(#""a": {"kind": "shell", "deps": ["splt"], "params": {"cmd": "true"}}"#), "stage 'a'", "'splt'"),
        specCase("glob matching nothing", st(#""a": {"kind": "shell", "deps": ["train@*"], "params": {"cmd": "true"}}"#), "stage 'a'", "train@*"),
        specCase("bad matrix reference", st(#""t": {"matrix": {"n": [1]}, "kind": "shell", "params": {"cmd": "${item.m}"}}"#), "stage 't'", "${item.m}"),
        specCase("reference without matrix", st(#""a": {"kind": "shell", "params": {"cmd": "${item.n}"}}"#), "stage 'a'", "${item.n}"),
        specCase("empty matrix list", st(#""t": {"matrix": {"n": []}, "kind": "shell", "params": {"cmd": "true"}}"#), "stage 't'", "n"),
        specCase("duplicate instance name", st(#""t": {"matrix": {"n": [1, 2]}, "name": "x", "kind": "shell", "params": {"cmd": "true"}}"#), "t@x"),
        specCase("bad resources", st(#""a": {"kind": "shell", "params": {"cmd": "true"}, "resources": {"cpus": 0}}"#), "stage 'a'", "cpus"),
        specCase("bad stage name", st(#""a b": {"kind": "shell", "params": {"cmd": "true"}}"#), "a b"),
        specCase("output path escaping the project", #"{"version": 1, "stages": {\#(ok)}, "outputs": [{"stage": "a", "path": "../out"}]}"#, "outputs", "../out"),
        specCase("output of an unknown stage", #"{"version": 1, "stages": {\#(ok)}, "outputs": [{"stage": "zz", "path": "out"}]}"#, "outputs", "zz"),
        decompressCase("gz: truncated", gz.merging(["train-labels-idx1-ubyte.gz": Array(labelsGz.prefix(labelsGz.count / 2))]) { $1 },
                       "train-labels-idx1-ubyte.gz"),
        decompressCase("gz: corrupt CRC", gz.merging(["train-labels-idx1-ubyte.gz": { var b = labelsGz; b[b.count - 6] ^= 0xFF; return b }()]) { $1 },
                       "train-labels-idx1-ubyte.gz"),
        decompressCase("gz: not gzip", gz.merging(["train-labels-idx1-ubyte.gz": ReliabilityData.labels(20)]) { $1 }, "train-labels-idx1-ubyte.gz"),
        decompressCase("IDX: wrong magic", try ReliabilityData.gzipped { $0["train-images-idx3-ubyte"]![0] = 1 }, "train-images-idx3-ubyte", "magic"),
        decompressCase("IDX: wrong element type", try ReliabilityData.gzipped { $0["train-images-idx3-ubyte"]![2] = 0x0D }, "train-images-idx3-ubyte", "0x08"),
        decompressCase("IDX: wrong image dims", try ReliabilityData.gzipped { $0["train-images-idx3-ubyte"] = ReliabilityData.images(20, side: 27) },
                       "train-images-idx3-ubyte", "28"),
        decompressCase("IDX: short payload", try ReliabilityData.gzipped { $0["t10k-images-idx3-ubyte"]!.removeLast(3) }, "t10k-images-idx3-ubyte", "payload"),
        decompressCase("IDX: label out of range", try ReliabilityData.gzipped { $0["train-labels-idx1-ubyte"]![10] = 10 }, "train-labels-idx1-ubyte", "10"),
        decompressCase("IDX: count mismatch", try ReliabilityData.gzipped { $0["train-labels-idx1-ubyte"] = ReliabilityData.labels(19) },
                       "train-labels-idx1-ubyte", "19"),
        decompressCase("IDX: labels of rank 2", try ReliabilityData.gzipped { $0["t10k-labels-idx1-ubyte"] = ReliabilityData.idx([5, 1], [0, 1, 2, 3, 4]) },
                       "t10k-labels-idx1-ubyte"),
        decompressCase("data: test files missing", gz.filter { $0.key.hasPrefix("train") }, "t10k-images-idx3-ubyte"),
        // The download kind checks the decompressed content: size and sha256 of the raw IDX.
        try downloadCase("download: wrong checksum", size: "\(rawLabels.count)", sha: String(repeating: "0", count: 64), "SHA-256", String(repeating: "0", count: 64)),
        try downloadCase("download: wrong size", size: "\(rawLabels.count + 1)", sha: try ReliabilityData.sha256(rawLabels), "\(rawLabels.count + 1)"),
        try downloadCase("download: missing file", size: "10", sha: String(repeating: "0", count: 64), file: "nosuch.gz"),
        try checkpointCase("checkpoint: garbage", #"{"init.safetensors": "garbage", "generator.bin": "x"}"#, "header length"),
        try checkpointCase("checkpoint: header length past the end",
                           #"{"init.safetensors": "\u00ff\u0000\u0000\u0000\u0000\u0000\u0000\u0000{}", "generator.bin": "x"}"#, "header length"),
        try checkpointCase("checkpoint: header not JSON",
                           #"{"init.safetensors": "\u0004\u0000\u0000\u0000\u0000\u0000\u0000\u0000{{{{", "generator.bin": "x"}"#, "header"),
        try checkpointCase("checkpoint: tensor offsets past the data",
                           #"{"init.safetensors": ":\u0000\u0000\u0000\u0000\u0000\u0000\u0000{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}    ", "generator.bin": "x"}"#,
                           "data_offsets"),
    ]
    cases.sort { $0.name < $1.name }
    return cases
}

/// Files under `dir` (relative paths), for the no-partial-artifact checks.
func filesUnder(_ dir: URL) -> [String] {
    guard let e = FileManager.default.enumerator(atPath: dir.path) else { return [] }
    var out: [String] = []
    while let p = e.nextObject() as? String {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir.appendingPathComponent(p).path, isDirectory: &isDir), !isDir.boolValue { out.append(p) }
    }
    return out.sorted()
}

@Test func badInputTableHasAtLeastThirtyCases() throws {
    #expect(try badInputs().count >= 30)
}

/// Each malformed input gives one `error:` line naming the file and field,
/// a non-zero exit, and leaves no partial artifact: no record of the failing
/// stage, nothing in tmp/, no workspace output; a spec error creates no store.
@Test(arguments: try badInputs())
func badInputGivesOneClearError(_ c: BadInput) throws {
    let cli = try CLI(pipeline: "{}")
    let fix = cli.dir.appendingPathComponent("fix")
    try FileManager.default.createDirectory(at: fix, withIntermediateDirectories: true)
    for (name, bytes) in c.files { try Data(bytes).write(to: fix.appendingPathComponent(name)) }
    try cli.write(c.pipeline.replacingOccurrences(of: "FIX", with: fix.path))
    let r = try cli.run("run", "-j", "1")
    let errors = r.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }
    print("bad input [\(c.name)] exit \(r.code): \(errors.first ?? "<no error line>")")
    #expect(r.code == c.code, "\(c.name): \(r.stderr)")
    #expect(errors.count == 1, "\(c.name): \(r.stderr)")
    for m in c.mentions { #expect(r.stderr.contains(m), "\(c.name): '\(m)' missing in \(r.stderr)") }
    let store = cli.dir.appendingPathComponent(".pipeline")
    if c.code == 2 {
        #expect(!FileManager.default.fileExists(atPath: store.path), "\(c.name): a spec error must not create a store")
        #expect(cli.read("pipeline.lock.json") == nil)
    } else {
        let failed = errors.first.flatMap { $0.split(separator: "'").dropFirst().first.map(String.init) } ?? "?"
        let records = filesUnder(store.appendingPathComponent("runs")).compactMap { cli.read(".pipeline/runs/\($0)") }
        #expect(!records.contains { $0.contains("\"stage\": \"\(failed)\"") }, "\(c.name): the failed stage \(failed) has a record")
        #expect(filesUnder(store.appendingPathComponent("tmp")).isEmpty, "\(c.name): staging left behind")
        #expect(!FileManager.default.fileExists(atPath: cli.dir.appendingPathComponent("outputs").path))
    }
}
