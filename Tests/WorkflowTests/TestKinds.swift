import Foundation
import Workflow

/// Counts runs per stage name across threads, so tests can tell "ran" from "cached".
final class RunCounter: @unchecked Sendable {
    static let shared = RunCounter()
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    func bump(_ stage: String) { lock.lock(); counts[stage, default: 0] += 1; lock.unlock() }
    func count(_ stage: String) -> Int { lock.lock(); defer { lock.unlock() }; return counts[stage] ?? 0 }
}

/// Writes `text` (repeated `times`) to out.txt.
struct EmitKind: StageKind {
    struct Params: Codable, Sendable { var text: String; var times: Int?; var rate: Double? }
    static let name = "emit"
    static let version = 1
    func run(_ p: Params, in c: StageContext) throws {
        RunCounter.shared.bump(c.stageName)
        try Data(String(repeating: p.text, count: p.times ?? 1).utf8).write(to: c.outputURL("out.txt"))
    }
}

/// The same kind at version 2 (a code change that bumps the version).
struct EmitKindV2: StageKind {
    typealias Params = EmitKind.Params
    static let name = "emit"
    static let version = 2
    func run(_ p: Params, in c: StageContext) throws { try EmitKind().run(p, in: c) }
}

/// Concatenates out.txt of every dependency, by role then instance name.
struct ConcatKind: StageKind {
    struct Params: Codable, Sendable { var sleepMs: Int? }
    static let name = "concat"
    static let version = 1
    static let maxThreads = 2
    func run(_ p: Params, in c: StageContext) throws {
        RunCounter.shared.bump(c.stageName)
        if let ms = p.sleepMs { usleep(UInt32(ms * 1000)) }
        var all = Data()
        for role in c.roles { for input in c.inputs(role) { all.append(try Data(contentsOf: input.url("out.txt"))) } }
        try all.write(to: c.outputURL("all.txt"))
    }
}

/// Always throws.
struct FailKind: StageKind {
    struct Params: Codable, Sendable {}
    static let name = "fail"
    static let version = 1
    func run(_ p: Params, in c: StageContext) throws { throw StageError("boom") }
}

let testRegistry = KindRegistry([EmitKind.self, ConcatKind.self, FailKind.self])

/// A temporary project folder with a pipeline.json and its own store.
struct Project {
    let root: URL
    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("wf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }
    var store: Store { Store(root: root.appendingPathComponent(".pipeline")) }

    func load(_ text: String, registry: KindRegistry = testRegistry) throws -> Pipeline {
        try PipelineLoader.load(json: try JSONParser.parse(text), displayName: "pipeline.json", root: root, registry: registry)
    }

    @discardableResult
    func run(_ text: String, registry: KindRegistry = testRegistry, jobs: Int = 2, targets: [String] = [],
             force: Bool = false) throws -> RunSummary {
        var o = RunOptions(); o.jobs = jobs; o.targets = targets; o.force = force
        return try Engine(pipeline: try load(text, registry: registry), store: store, console: Console(isTerminal: false)).run(o)
    }

    func lock() throws -> LockFile { try LockFile.read(root: root) }

    /// Output hash of `file` of `stage` per the lock file.
    func hash(_ stage: String, _ file: String) throws -> String? { try lock().entries[stage]?.outputs[file]?.hash }
}

/// A small pipeline: two emitters (a matrix) and a concat over them; `tag` makes stage names unique per test.
func chain(_ tag: String, text: String = "a", times: Int = 1, extra: String = "") -> String {
    """
    {"version": 1, "stages": {
      "e\(tag)": {"matrix": {"n": [1, 2]}, "kind": "emit", "params": {"text": "\(text)${item.n}", "times": \(times)\(extra)}},
      "src": {"kind": "emit", "params": {"text": "\(tag)"}},
      "c\(tag)": {"kind": "concat", "deps": ["e\(tag)", "src"], "params": {}}
    }}
    """
}
