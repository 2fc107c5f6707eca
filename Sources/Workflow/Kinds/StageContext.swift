import Foundation

/// What a running stage may see and touch.
///
/// Contract:
/// - `inputs(role)` lists the dependencies whose base name (the part before `@`)
///   is `role`, ordered by full instance name; `input(role)` requires exactly one.
/// - `outputDirectory` starts empty and is private to this run; everything left
///   in it when `run` returns is published, nothing when `run` throws.
/// - `scratchDirectory` belongs to this stage's cache key and survives a killed
///   or failed run, so long work can resume (e.g. per-epoch training state); the
///   engine deletes it after a successful publish.
/// - `log` and `progress` are thread-safe. `progress` is a transient status line
///   on a terminal (rate-limited), and is dropped when output is not a terminal;
///   `log` always prints one line prefixed with the stage name; `commandOutput`
///   is for an external command's output (stderr, prefixed). Both go to the run's log.
/// - `cancellation` is the run's stop request (`Cancellation`): a long-running
///   kind polls it and, once set, stops and throws (nothing it wrote is published).
/// - `threads` is how many cores the scheduler gives this stage right now. It
///   never shrinks during a run; for a kind with `growsThreads` it may grow when
///   other stages end and nothing else is ready (read it again to use them).
public final class StageContext: @unchecked Sendable {
    public let stageName: String
    public var threads: Int { share.count }
    /// The engine's handle on `threads`.
    let share: ThreadShare
    public let outputDirectory: URL
    public let scratchDirectory: URL
    /// The folder holding pipeline.json: workspace files are relative to it, and shell commands run in it.
    public let projectDirectory: URL
    /// The stage's workspace files (its `"files"`, expanded): relative path -> SHA-256 as keyed.
    public let files: [String: String]
    /// SHA-256 of the pipeline file this run read, and the engine's version:
    /// facts for provenance, not part of the cache key, so only volatile
    /// outputs may hold them (anything else would depend on a hidden input).
    public let pipelineHash: String
    public let toolVersion: String
    /// The numerics identity in this stage's key (`StageKind.numeric` kinds), else nil.
    public let numerics: NumericsIdentity?
    /// The run's stop request; a fresh, never-requested one for a context made outside a run.
    public let cancellation: Cancellation
    private let inputsByRole: [String: [StageInput]]
    private let logSink: @Sendable (String) -> Void
    private let progressSink: @Sendable (String) -> Void
    private let outputSink: @Sendable (String) -> Void

    public convenience init(stageName: String, threads: Int, outputDirectory: URL, scratchDirectory: URL,
                            inputs: [StageInput], projectDirectory: URL? = nil, files: [String: String] = [:],
                            pipelineHash: String = "", toolVersion: String = ToolInfo.version,
                            numerics: NumericsIdentity? = nil, cancellation: Cancellation = Cancellation(),
                            log: @escaping @Sendable (String) -> Void,
                            progress: @escaping @Sendable (String) -> Void,
                            output: (@Sendable (String) -> Void)? = nil) {
        self.init(stageName: stageName, share: ThreadShare(threads), outputDirectory: outputDirectory,
                  scratchDirectory: scratchDirectory, inputs: inputs,
                  projectDirectory: projectDirectory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                  files: files, pipelineHash: pipelineHash,
                  toolVersion: toolVersion, numerics: numerics, cancellation: cancellation, log: log, progress: progress, output: output)
    }

    init(stageName: String, share: ThreadShare, outputDirectory: URL, scratchDirectory: URL,
                inputs: [StageInput], projectDirectory: URL, files: [String: String] = [:],
                pipelineHash: String = "", toolVersion: String = ToolInfo.version,
                numerics: NumericsIdentity? = nil, cancellation: Cancellation = Cancellation(),
                log: @escaping @Sendable (String) -> Void,
                progress: @escaping @Sendable (String) -> Void,
                output: (@Sendable (String) -> Void)? = nil) {
        self.cancellation = cancellation
        self.pipelineHash = pipelineHash
        self.toolVersion = toolVersion
        self.numerics = numerics
        self.stageName = stageName
        self.share = share
        self.outputDirectory = outputDirectory
        self.scratchDirectory = scratchDirectory
        self.projectDirectory = projectDirectory
        self.files = files
        var byRole: [String: [StageInput]] = [:]
        for input in inputs {
            let role = String(input.stage.split(separator: "@", maxSplits: 1).first ?? Substring(input.stage))
            byRole[role, default: []].append(input)
        }
        self.inputsByRole = byRole.mapValues { $0.sorted { $0.stage < $1.stage } }
        self.logSink = log
        self.progressSink = progress
        self.outputSink = output ?? { FileHandle.standardError.write(Data("\(stageName): \($0)\n".utf8)) }
    }

    /// The roles of all dependencies, sorted.
    public var roles: [String] { inputsByRole.keys.sorted() }

    /// All dependencies whose base name is `role` (e.g. every `evaluate@...`).
    public func inputs(_ role: String) -> [StageInput] { inputsByRole[role] ?? [] }

    /// The single dependency whose base name is `role`.
    public func input(_ role: String) throws -> StageInput {
        let found = inputs(role)
        guard found.count == 1 else {
            throw StageError("expected exactly one dependency named '\(role)', found \(found.count) (deps: \(inputsByRole.keys.sorted().joined(separator: ", ")))")
        }
        return found[0]
    }

    /// Shorthand: the file `file` of the single dependency `role`.
    public func inputFile(_ role: String, _ file: String) throws -> URL {
        try input(role).url(file)
    }

    /// The workspace file `path` (relative to the project), which must be one of
    /// the stage's `files` (so that it is in the cache key): reading anything
    /// else would be a hidden input.
    public func workspaceFile(_ path: String) throws -> URL {
        guard files[path] != nil else {
            throw StageError("workspace file '\(path)' is not among the stage's \"files\" (it has: \(files.keys.sorted().joined(separator: ", ")))")
        }
        return projectDirectory.appendingPathComponent(path)
    }

    /// Where to write output `name` (subfolders are created).
    public func outputURL(_ name: String) throws -> URL {
        let url = outputDirectory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        return url
    }

    /// Writes output `name` (subfolders are created). A failure names the
    /// output and the cause, e.g. `act-curves.json: cannot write: No space left on device`.
    public func write<D: DataProtocol>(_ bytes: D, to name: String) throws {
        let url = try outputURL(name)
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StageError("\(name): cannot create: \(String(cString: strerror(errno)))") }
        do {
            do { try writeAll(fd, bytes, path: name) } catch { close(fd); throw error }
            try FileSync.closeChecked(fd, path: name)
        } catch let e as SystemCallError {
            throw StageError(e.description)
        }
    }

    public func log(_ message: String) { logSink(message) }
    public func progress(_ line: String) { progressSink(line) }
    /// One line a stage's external command printed (stdout or stderr): kept in
    /// the stage's log and shown live on stderr, prefixed with the stage name.
    public func commandOutput(_ line: String) { outputSink(line) }
}
