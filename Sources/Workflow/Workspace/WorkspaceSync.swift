import Foundation
import Hashing

/// Copies published files to their workspace paths (pipeline.json's `outputs`)
/// and tells which workspace files differ from the store.
///
/// Each file is replaced atomically (temp in the same folder, fsync, rename),
/// through real folders inside the project only (`ConfinedPath`: a symlinked
/// folder is refused as the file is written, not checked beforehand).
/// Unchanged files are recognised through the stat cache without reading them.
///
/// Ownership: a workspace path belongs to pipeline when the lock file's entry
/// of its stage (the result last copied out) maps an output to it. `changes`
/// never replaces a file at a path pipeline does not own (unless forced), and
/// removes files of a stage's output that its new result no longer has, when
/// they still hold the bytes pipeline wrote.
public struct WorkspaceSync: Sendable {
    public let root: URL
    public let store: Store
    public let statCache: StatCache
    // Paths are joined as strings: URL manipulation per output showed in a no-op run's profile.
    private let rootPath: String

    public init(root: URL, store: Store, statCache: StatCache) {
        self.root = root; self.store = store; self.statCache = statCache; rootPath = root.path
    }

    /// `root/path` as a file system path.
    func fullPath(_ path: String) -> String { rootPath.hasSuffix("/") ? rootPath + path : rootPath + "/" + path }

    /// The folder holding the workspace file `path` (relative to `root`).
    static func parent(of path: String, root: String) -> String {
        let full = root.hasSuffix("/") ? root + path : root + "/" + path
        guard let slash = full.lastIndex(of: "/") else { return root }
        return slash == full.startIndex ? "/" : String(full[..<slash])
    }

    /// Workspace relative path -> expected file, for the outputs of `stage`.
    public func expected(_ outputs: [WorkspaceOutput], stage: String, record: RunRecord) -> [(path: String, file: OutputFile)] {
        var result: [(String, OutputFile)] = []
        for o in outputs where o.stage == stage {
            if let u = o.under {
                for (name, out) in record.outputs.sorted(by: { $0.key < $1.key }) where name.hasPrefix(u + "/") { result.append((name, out)) }
            } else if let f = o.file {
                if let out = record.outputs[f] { result.append((o.path, out)) }
            } else {
                for (name, out) in record.outputs.sorted(by: { $0.key < $1.key }) { result.append((o.path + "/" + name, out)) }
            }
        }
        return result
    }

    /// nil when the workspace file matches; otherwise "missing", "modified", or
    /// "not a regular file" (a folder, a symlink to something else...).
    public func problem(_ path: String, _ file: OutputFile) throws -> String? {
        let full = fullPath(path)
        guard let h = try statCache.hash(full) else {
            var st = stat()
            return lstat(full, &st) == 0 ? "not a regular file" : "missing"
        }
        var st = stat()
        if lstat(full, &st) == 0, st.st_mode & S_IFMT == S_IFLNK { return "a symbolic link" }
        return h == file.hash ? nil : "modified"
    }

    /// One thing to do to the workspace.
    public enum Change: Equatable, Sendable {
        /// Copy the stage's output to `path` (`problem` says why).
        case copy(stage: String, path: String, file: OutputFile, problem: String)
        /// Remove `path`: the stage's result no longer has it, and it holds the bytes pipeline wrote.
        case remove(stage: String, path: String)
        /// `path` holds a file pipeline did not write: left alone, and an error.
        case refuse(stage: String, path: String, problem: String)
    }

    /// What making the workspace match `results` takes, in `outputs` order.
    /// `previous` is the lock file as it is now (what pipeline last copied out);
    /// `force` takes over paths pipeline does not own instead of refusing them.
    public func changes(_ outputs: [WorkspaceOutput], results: [String: RunRecord], previous: LockFile, force: Bool) throws -> [Change] {
        var newPaths = Set<String>()
        for o in outputs { if let r = results[o.stage] { for (p, _) in expected([o], stage: o.stage, record: r) { newPaths.insert(p) } } }
        var result: [Change] = []
        for o in outputs {
            guard let r = results[o.stage] else { continue }
            // The lock file leaves out volatile outputs (a file of times): the store's full record of
            // the same key still names them, so their workspace paths stay pipeline's.
            let old = previous.entries[o.stage].map { expected([o], stage: o.stage, record: store.record($0.key) ?? $0) } ?? []
            let owned = Set(old.map(\.path))
            for (path, file) in expected([o], stage: o.stage, record: r) {
                guard let p = try problem(path, file) else { continue }
                if p == "missing" || owned.contains(path) || force { result.append(.copy(stage: o.stage, path: path, file: file, problem: p)) }
                else { result.append(.refuse(stage: o.stage, path: path, problem: p)) }
            }
            for (path, file) in old where !newPaths.contains(path) {
                if try statCache.hash(fullPath(path)) == file.hash { result.append(.remove(stage: o.stage, path: path)) }
            }
        }
        return result
    }

    /// The error for refused paths: one line per path, naming it and the way out.
    public static func refusal(_ changes: [Change]) -> EngineError? {
        let lines = changes.compactMap { c -> String? in
            guard case .refuse(let stage, let path, let problem) = c else { return nil }
            return "\(path): not written by pipeline (\(problem)); refusing to replace it with the output of '\(stage)' (move it away, or run with --force-outputs to take it over)"
        }
        return lines.isEmpty ? nil : EngineError(lines.joined(separator: "\n"))
    }

    /// Carries out `changes` (refusals excepted), printing `copy P` / `remove P`; returns how many files it copied.
    public func apply(_ changes: [Change], console: Console) throws -> Int {
        var copied = 0
        for c in changes {
            switch c {
            case .copy(_, let path, let file, _): try restore(path, file); copied += 1
            case .remove(_, let path): try remove(path)
            case .refuse: continue
            }
        }
        for line in Self.describe(changes, dryRun: false) { console.line(line) }
        return copied
    }

    /// `copy P`, `remove P`, or with `dryRun`, `would copy P (problem)`, `would remove P`, `would refuse P (...)`.
    public static func describe(_ changes: [Change], dryRun: Bool) -> [String] {
        changes.map { c in
            switch c {
            case .copy(_, let path, _, let problem): return dryRun ? "would copy \(path) (\(problem))" : "copy \(path)"
            case .remove(_, let path): return dryRun ? "would remove \(path) (no longer an output)" : "remove \(path)"
            case .refuse(_, let path, let problem):
                return (dryRun ? "would refuse" : "refuse") + " \(path) (\(problem), not written by pipeline; --force-outputs takes it over)"
            }
        }
    }

    /// Before a stage has a result: its single-file outputs whose path holds a file pipeline does not own.
    public func foreseenRefusals(_ outputs: [WorkspaceOutput], stage: String, previous: LockFile, force: Bool) throws -> [String] {
        guard !force else { return [] }
        let owned = Set(previous.entries[stage].map { expected(outputs, stage: stage, record: $0).map(\.path) } ?? [])
        return outputs.filter { $0.stage == stage && $0.file != nil && !owned.contains($0.path) }.map(\.path).filter {
            var st = stat()
            return lstat(fullPath($0), &st) == 0
        }
    }

    public func restore(_ path: String, _ file: OutputFile) throws {
        let target = root.appendingPathComponent(path)
        guard let bytes = try WholeFile.readIfPresent(store.objectPath(file.hash)) else {
            throw EngineError("\(store.objectPath(file.hash)): object missing while copying to \(path)")
        }
        let data = Data(bytes)
        // The copy reads every byte anyway: check them, so a flipped byte never reaches the workspace.
        guard SHA256.hash(data).hex == file.hash else {
            try store.quarantineObject(file.hash)
            throw EngineError("\(path): store object \(file.hash) does not match its hash; moved it to quarantine/ (the next `pipeline run` rebuilds it)")
        }
        try ConfinedPath.write(data, root: root, relative: path)
        statCache.remember(target.path, hash: file.hash)
    }

    /// Removes the workspace file `path` (a stage's output it no longer produces).
    public func remove(_ path: String) throws {
        try ConfinedPath.remove(root: root, relative: path)
    }

    /// Removes `.tmp-<name>-<pid>-<id>` files that a killed run's atomic copy
    /// left in `dirs` (workspace output folders, the project root), when that
    /// pid is no longer running on this host; a live writer's temp is kept.
    public func removeStaleTemps(in dirs: Set<String>) {
        let fm = FileManager.default
        for dir in dirs.sorted() {
            for name in (try? fm.contentsOfDirectory(atPath: dir)) ?? [] where name.hasPrefix(".tmp-") {
                let parts = name.split(separator: "-")
                guard parts.count >= 4, let pid = pid_t(parts[parts.count - 2]), pid > 0 else { continue }
                if kill(pid, 0) != 0 && errno == ESRCH { unlink(dir + "/" + name) }
            }
        }
    }
}
