import Foundation

/// The mini study of `Tests/fixtures/mini-study` and the tools the study's
/// end-to-end tests share: lock-file reading, a kill-on-line runner.
enum MiniStudy {
    /// The fixture's pipeline.json text.
    static func pipeline() throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../fixtures/mini-study/pipeline.json").standardizedFileURL
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The fixture with each `old` replaced by its `new`; fails when an `old`
    /// is absent, so a changed fixture cannot silently turn a variant into the original.
    static func pipeline(replacing edits: [(old: String, new: String)]) throws -> String {
        var text = try pipeline()
        for (old, new) in edits {
            guard text.contains(old) else { throw CLIError("mini-study pipeline.json has no '\(old)'") }
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    /// model.safetensors and metrics.json of `stage`, as the lock file names them.
    static func finalOutputs(of stage: String, in cli: CLI) throws -> [String: Data] {
        let lock = try LockFile(at: cli.dir.appendingPathComponent("pipeline.lock.json"))
        var files: [String: Data] = [:]
        for name in ["model.safetensors", "metrics.json"] {
            guard let hash = lock.outputs(stage)[name] else { throw CLIError("lock file lacks \(stage)/\(name)") }
            files[name] = try cli.object(hash)
        }
        return files
    }

    /// The train stages of the fixture, in file order.
    static let trainStages = ["train@relu-s42", "train@tanh-s42"]
    static let stageCount = 18

    /// The numerics identity every numeric stage records, on every host.
    static let numerics = ["blas": "OpenBLAS 0.3.21", "kernel": "Haswell", "lanes": "2", "libc": "glibc 2.36", "numerics": "2"]
}

/// `pipeline.lock.json` as nested dictionaries: stage -> entry.
struct LockFile {
    let stages: [String: [String: Any]]

    init(at url: URL) throws {
        let data = try Data(contentsOf: url)
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let stages = root["stages"] as? [String: [String: Any]] else {
            throw CLIError("\(url.path): expected an object with 'stages'")
        }
        self.stages = stages
    }

    /// file -> sha256 of one stage's outputs.
    func outputs(_ stage: String) -> [String: String] {
        let files = stages[stage]?["outputs"] as? [String: [String: Any]] ?? [:]
        return files.compactMapValues { $0["hash"] as? String }
    }

    /// dependency -> file -> sha256 of one stage's inputs.
    func inputs(_ stage: String) -> [String: [String: String]] {
        stages[stage]?["inputs"] as? [String: [String: String]] ?? [:]
    }

    func key(_ stage: String) -> String? { stages[stage]?["key"] as? String }
}

extension CLI {
    /// The project folder's store, given to every study run as `--cache-dir`.
    static let store = "store"

    /// Contents of the object with this hash in the project's store.
    func object(_ hash: String) throws -> Data {
        try Data(contentsOf: dir.appendingPathComponent("\(Self.store)/objects/\(hash.prefix(2))/\(hash.dropFirst(2))"))
    }

    /// Runs `pipeline args`, reading stdout line by line; sends `signal` as soon
    /// as a line satisfies `killWhen`. Returns the output up to the process's
    /// end, whether the signal was sent (for SIGKILL: and killed it), and its pid.
    func runKilling(_ args: [String], signal: Int32 = SIGKILL, when killWhen: (String) -> Bool) throws -> (output: Output, killed: Bool, pid: Int32) {
        let (p, out, err) = try start(args)
        // stderr drains on its own thread so a chatty stage cannot block on a full pipe.
        let errors = Drain(err.fileHandleForReading)
        let reader = out.fileHandleForReading
        var buffer = Data(), killed = false
        while true {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            guard !killed else { continue }
            let lines = String(decoding: buffer, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            // Only complete lines (all but the last piece) are judged.
            if lines.dropLast().contains(where: { killWhen(String($0)) }) {
                kill(p.processIdentifier, signal)
                killed = true
            }
        }
        let e = errors.wait()
        p.waitUntilExit()
        return (Output(code: p.terminationStatus, stdout: String(decoding: buffer, as: UTF8.self),
                       stderr: String(decoding: e, as: UTF8.self)),
                killed && (signal != SIGKILL || p.terminationReason == .uncaughtSignal), p.processIdentifier)
    }

    /// The store's run record for `key`, with its wall-clock facts.
    func record(_ key: String) throws -> [String: Any] {
        let data = try Data(contentsOf: dir.appendingPathComponent("\(Self.store)/runs/\(key).json"))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw CLIError("runs/\(key).json: not an object") }
        return object
    }

    /// Deletes the project folder (a study store holds about 100 MB).
    func remove() { try? FileManager.default.removeItem(at: dir) }

    /// Regular files under `path` in the project folder, relative, sorted.
    func files(under path: String) -> [String] {
        let root = dir.appendingPathComponent(path)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var found: [String] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            found.append(String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1)))
        }
        return found.sorted()
    }
}

/// Reads a file handle to its end on a background thread.
final class Drain: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        DispatchQueue.global().async { self.data = handle.readDataToEndOfFile(); self.done.signal() }
    }

    /// Everything read; the semaphore orders the write before this read.
    func wait() -> Data { done.wait(); return data }
}

/// Lines of `text` that start with `prefix`.
func lines(_ text: String, startingWith prefix: String) -> [String] {
    text.split(separator: "\n").map(String.init).filter { $0.hasPrefix(prefix) }
}

/// The epoch numbers a train stage logged ("train@X: epoch  N  loss ..."), in order.
func loggedEpochs(_ text: String, stage: String) -> [Int] {
    lines(text, startingWith: "\(stage): epoch ").compactMap { line in
        line.dropFirst("\(stage): epoch ".count).split(separator: " ").first.flatMap { Int($0) }
    }
}
