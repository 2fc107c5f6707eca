import Foundation

/// Runs the built `pipeline` executable as a black box in a temp project folder.
struct CLI {
    let dir: URL
    /// Extra environment variables for the process.
    var environment: [String: String] = [:]

    /// The `pipeline` binary next to the test bundle in the build products folder.
    static let binary: URL? = {
        var d = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = d.appendingPathComponent("pipeline")
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDir), !isDir.boolValue { return candidate }
            d = d.deletingLastPathComponent()
        }
        return nil
    }()

    init(pipeline: String) throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try write(pipeline)
    }

    func write(_ pipeline: String) throws { try Data(pipeline.utf8).write(to: dir.appendingPathComponent("pipeline.json")) }

    struct Output { let code: Int32; let stdout: String; let stderr: String }

    /// Starts `pipeline args` without waiting.
    func start(_ args: [String]) throws -> (Process, Pipe, Pipe) {
        guard let bin = Self.binary else { throw CLIError("pipeline binary not found next to \(CommandLine.arguments[0])") }
        let p = Process()
        p.executableURL = bin
        p.arguments = args
        p.currentDirectoryURL = dir
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "PIPELINE_CACHE_DIR")
        env.merge(environment) { $1 }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        return (p, out, err)
    }

    func run(_ args: String...) throws -> Output {
        let (p, out, err) = try start(args)
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(code: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: dir.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
    }
}

struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// Replaces durations ("0.1s") by "Ns" so timing-free output can be compared exactly.
func normalized(_ s: String) -> String {
    s.replacingOccurrences(of: #"[0-9]+\.[0-9]s"#, with: "Ns", options: .regularExpression)
}

/// A golden file beside this source file.
func golden(_ name: String) throws -> String {
    try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("golden/\(name)"), encoding: .utf8)
}

/// Waits for a process from `CLI.start` and collects its output.
func finish(_ started: (Process, Pipe, Pipe)) -> CLI.Output {
    let (p, out, err) = started
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return CLI.Output(code: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
}
