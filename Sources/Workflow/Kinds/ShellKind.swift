import Foundation

/// Built-in kind `shell`: runs `cmd` with /bin/sh -c in the project folder
/// (pipeline.json's folder), so project scripts and the stage's `files` are at
/// their relative paths.
///
/// Environment: `OUT` (the output folder: everything the command leaves there
/// is published), `THREADS` (the cores the scheduler gave the stage: up to
/// `resources.cpus`, 1 without it), and `IN_<ROLE>` for every dependency role
/// (upper-cased, other characters as `_`): a folder holding the dependency's
/// files (symlinks to the store), or with several instances of the role, one
/// subfolder per instance name. The command's stdout and stderr go, line by
/// line, to `context.commandOutput` (the stage's log, and stderr prefixed with
/// the stage name). It runs in its own process group, which is terminated on
/// interruption (see `ShellProcess`). Fails when the command exits non-zero or
/// an expected output is missing.
public struct ShellKind: StageKind {
    public struct Params: Codable, Sendable {
        public var cmd: String
        public var outputs: [String]?
    }
    public static let name = "shell"
    /// 2: runs in the project folder instead of $OUT (relative writes land elsewhere), THREADS from resources.cpus.
    public static let version = 2
    public static let summary = "run a shell command (in the project folder) that writes files into $OUT"
    public static let threadsFromResources = true
    public init() {}

    public func run(_ params: Params, in context: StageContext) throws {
        var env = ProcessInfo.processInfo.environment
        env["OUT"] = context.outputDirectory.path
        env["THREADS"] = String(context.threads)
        let links = context.scratchDirectory.appendingPathComponent("inputs")
        try? FileManager.default.removeItem(at: links)
        defer { try? FileManager.default.removeItem(at: links) }
        for role in context.roles {
            let all = context.inputs(role)
            let dir = links.appendingPathComponent(role)
            for input in all {
                let target = all.count == 1 ? dir : dir.appendingPathComponent(input.stage)
                for (file, url) in input.files {
                    let link = target.appendingPathComponent(file)
                    try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: url)
                }
            }
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            env["IN_" + String(role.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })] = dir.path
        }
        let (termination, interrupted) = try ShellProcess.run(command: params.cmd, directory: context.projectDirectory,
                                                              environment: env, cancellation: context.cancellation, output: { context.commandOutput($0) })
        if interrupted { throw StageError("interrupted") }
        switch termination {
        case .exit(0): break
        case .exit(let code): throw StageError("command exited with status \(code)", exitStatus: code)
        case .signal(let sig): throw StageError("command killed by signal \(sig)")
        }
        for o in params.outputs ?? [] where !FileManager.default.fileExists(atPath: context.outputDirectory.appendingPathComponent(o).path) {
            throw StageError("expected output '\(o)' was not written")
        }
    }
}
