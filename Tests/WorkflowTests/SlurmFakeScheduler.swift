import Foundation
@testable import Workflow

/// A scheduler that records submissions and answers with scripted states.
final class FakeScheduler: SlurmScheduler, @unchecked Sendable {
    private let lock = NSLock()
    private(set) var submissions: [(script: URL, options: [String])] = []
    private(set) var cancelled: [String] = []
    /// Submissions after this many fail (nil: never).
    var failAfter: Int?
    /// Answers to `states(of:)`, consumed one per call; the last one repeats.
    var answers: [[SlurmJobState]] = []

    func submit(script: URL, options: [String]) throws -> String {
        lock.lock(); defer { lock.unlock() }
        if let n = failAfter, submissions.count >= n { throw SlurmError("sbatch: error: Batch job submission failed: test") }
        submissions.append((script, options))
        return String(100 + submissions.count - 1)
    }

    func states(of ids: [String]) throws -> [SlurmJobState] {
        lock.lock(); defer { lock.unlock() }
        guard !answers.isEmpty else { return [] }
        return answers.count > 1 ? answers.removeFirst() : answers[0]
    }

    func cancel(_ ids: [String]) throws {
        lock.lock(); cancelled += ids; lock.unlock()
    }

    static func state(_ id: String, _ state: String, reason: String = "None", exit: String = "0:0") -> SlurmJobState {
        SlurmJobState(id: id, name: "pipeline:x", state: state, reason: reason, exitCode: exit, log: "/logs/\(id).log")
    }
}

/// A temporary project with a pipeline of built-in kinds and an empty store.
struct SlurmProject {
    let root: URL
    let pipeline: Pipeline
    var store: Store { Store(root: root.appendingPathComponent("store")) }

    init(_ json: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("slurm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        pipeline = try PipelineLoader.load(json: try JSONParser.parse(json), displayName: "pipeline.json", root: root,
                                           registry: KindRegistry(BuiltinKinds.all))
    }

    func executor(_ scheduler: FakeScheduler, wait: Bool = false) -> SlurmExecutor {
        var o = SlurmOptions(executable: URL(fileURLWithPath: "/opt/bin/pipeline"), pipelineFile: root.appendingPathComponent("pipeline.json"))
        o.wait = wait
        o.pollInterval = 0.01
        o.waitTimeout = 5
        return SlurmExecutor(pipeline: pipeline, store: store, console: Console(isTerminal: false), scheduler: scheduler, options: o)
    }

    /// src -> up@1..3 (matrix, with resources) -> count <- solo <- src
    static let diamond = #"""
    {"version": 1, "stages": {
      "src": {"kind": "write", "params": {"files": {"a.txt": "a\n"}}},
      "up": {"matrix": {"n": [1, 2, 3]}, "kind": "shell", "deps": ["src"],
             "resources": {"cpus": 2, "mem": "100M", "time": "0:05:00"}, "params": {"cmd": "echo ${item.n} > $OUT/o.txt"}},
      "solo": {"kind": "shell", "deps": ["src"], "params": {"cmd": "echo s > $OUT/s.txt"}},
      "count": {"kind": "shell", "deps": ["up", "solo"], "params": {"cmd": "cat $IN_UP/*/o.txt > $OUT/all.txt"}}}}
    """#
}
