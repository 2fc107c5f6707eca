import Foundation
import Workflow

/// The few git facts commands need, through the `git` executable.
enum Git {
    /// `git show REV:./PATH` run in `root`; a PipelineError with git's message when it fails.
    static func show(_ rev: String, _ path: String, root: URL) throws -> Data {
        let (code, out, err) = try run(["-C", root.path, "show", "\(rev):./\(path)"])
        guard code == 0 else { throw PipelineError("git show \(rev):\(path) failed: \(err)") }
        return out
    }

    /// Throws a PipelineError unless `rev` names a commit of the repository at `root`.
    static func requireRevision(_ rev: String, root: URL) throws {
        let (code, _, err) = try run(["-C", root.path, "rev-parse", "--verify", "-q", "\(rev)^{commit}"])
        guard code == 0 else {
            throw PipelineError("unknown git revision '\(rev)'" + (err.isEmpty ? "" : " (\(err))") + " in \(root.path)")
        }
    }

    /// The commit checked out in `root`, nil outside a git repository (or before the first commit).
    static func commit(root: URL) -> String? {
        guard let (code, out, _) = try? run(["-C", root.path, "rev-parse", "--verify", "-q", "HEAD"]), code == 0 else { return nil }
        let s = String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return s.isEmpty ? nil : s
    }

    private static func run(_ args: [String]) throws -> (Int32, Data, String) {
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git"] + args
        let out = Pipe(), err = Pipe()
        git.standardOutput = out; git.standardError = err
        try git.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        git.waitUntilExit()
        return (git.terminationStatus, data, message.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
