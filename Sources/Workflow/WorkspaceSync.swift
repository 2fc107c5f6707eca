import Foundation
import Hashing

/// Copies published files to their workspace paths (pipeline.json's `outputs`)
/// and tells which workspace files differ from the store.
///
/// Each file is replaced atomically (temp in the same folder, fsync, rename).
/// Unchanged files are recognised through the stat cache without reading them.
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
            if let f = o.file {
                if let out = record.outputs[f] { result.append((o.path, out)) }
            } else {
                for (name, out) in record.outputs.sorted(by: { $0.key < $1.key }) { result.append((o.path + "/" + name, out)) }
            }
        }
        return result
    }

    /// nil when the workspace file matches; otherwise "missing" or "modified".
    public func problem(_ path: String, _ file: OutputFile) throws -> String? {
        let full = fullPath(path)
        guard let h = try statCache.hash(full) else { return "missing" }
        return h == file.hash ? nil : "modified"
    }

    public func restore(_ path: String, _ file: OutputFile) throws {
        let target = root.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: store.objectURL(file.hash).path) else {
            throw EngineError("\(store.objectURL(file.hash).path): object missing while copying to \(path)")
        }
        // The copy reads every byte anyway: check them, so a flipped byte never reaches the workspace.
        guard SHA256.hash(data).hex == file.hash else {
            try store.quarantineObject(file.hash)
            throw EngineError("\(path): store object \(file.hash) does not match its hash; moved it to quarantine/ (the next `pipeline run` rebuilds it)")
        }
        try AtomicFile.write(data, to: target)
        statCache.remember(target.path, hash: file.hash)
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
