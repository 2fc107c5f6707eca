import Foundation

/// Built-in kind `shell`: runs `cmd` with /bin/sh -c in the output folder.
///
/// Environment: `OUT` (the output folder), `THREADS`, and `IN_<ROLE>` for every
/// dependency role (upper-cased, other characters as `_`): a folder holding the
/// dependency's files (symlinks to the store), or with several instances of the
/// role, one subfolder per instance name. The command's stdout goes to stderr so
/// the engine's own output stays parseable. Fails when the command exits
/// non-zero or an expected output is missing. Polls `Interruption` and
/// terminates the command when asked.
public struct ShellKind: StageKind {
    public struct Params: Codable, Sendable {
        public var cmd: String
        public var outputs: [String]?
    }
    public static let name = "shell"
    public static let version = 1
    public static let summary = "run a shell command that writes files into $OUT"
    public init() {}

    public func run(_ params: Params, in context: StageContext) throws {
        var env = ProcessInfo.processInfo.environment
        env["OUT"] = context.outputDirectory.path
        env["THREADS"] = String(context.threads)
        let links = context.scratchDirectory.appendingPathComponent("inputs")
        try? FileManager.default.removeItem(at: links)
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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", params.cmd]
        process.environment = env
        process.currentDirectoryURL = context.outputDirectory
        process.standardOutput = FileHandle.standardError
        process.standardInput = FileHandle.nullDevice
        try process.run()
        while process.isRunning {
            // SIGKILL: the child inherits our ignored SIGINT/SIGTERM, so a polite signal would not stop it.
            if Interruption.isRequested { kill(process.processIdentifier, SIGKILL) }
            usleep(20_000)
        }
        try? FileManager.default.removeItem(at: links)
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw StageError(process.terminationReason == .exit ? "command exited with status \(process.terminationStatus)"
                                                                 : "command killed by signal \(process.terminationStatus)")
        }
        for o in params.outputs ?? [] where !FileManager.default.fileExists(atPath: context.outputDirectory.appendingPathComponent(o).path) {
            throw StageError("expected output '\(o)' was not written")
        }
    }
}
