import Foundation

/// Workspace outputs a stage's command writes in place (its `"outs"`), as
/// project scripts do (`model.pkl`, `data/prepared/`): a path ending in `/` is
/// a folder (every file below it), any other a file.
///
/// Contract, for one run of the stage:
/// 1. `materialize`: in-place outputs of its deps that are missing or changed in
///    the workspace are restored from the store first (a cached producer did
///    not write them this run), so the command finds them at their paths.
/// 2. `clear`: the stage's own declared outs are removed, so nothing stale is
///    read or published.
/// 3. The command runs; then `collect` copies each out into the staging output
///    folder under its workspace path (a missing out is an error), so the
///    store publishes it like any output, its hash enters dependants' keys, and
///    a later cache hit restores it (they are also workspace outputs of the
///    stage, mapped to their own paths; see `workspaceOutputs`).
/// Two stages declaring the same or nested paths is a load error.
struct InPlaceOutputs {
    let root: URL
    let store: Store

    static func isFolder(_ out: String) -> Bool { out.hasSuffix("/") }
    static func trimmed(_ out: String) -> String { FileInputs.trimmed(out) }

    static func validate(_ outs: [String], fail: (String) -> PipelineError) throws {
        var seen = Set<String>()
        for (i, o) in outs.enumerated() {
            let t = trimmed(o)
            guard !t.isEmpty, !o.hasPrefix("/"), !t.split(separator: "/").contains(".."), !Glob.isPattern(t) else {
                throw fail("outs[\(i)]: expected a path inside the project (no leading '/', no '..', no wildcards), found '\(o)'")
            }
            guard seen.insert(t).inserted else { throw fail("outs[\(i)]: '\(o)' is listed twice") }
        }
    }

    /// No path is an in-place output of two stages (equal, or one inside the other).
    static func checkNoOverlap(_ stages: [StageInstance], fail: (String) -> PipelineError) throws {
        var owner: [(path: String, stage: String)] = []
        for s in stages {
            for (i, o) in s.outs.enumerated() {
                let t = trimmed(o)
                if let other = owner.first(where: { $0.stage != s.name && ($0.path == t || t.hasPrefix($0.path + "/") || $0.path.hasPrefix(t + "/")) }) {
                    throw fail("stage '\(s.name)': outs[\(i)]: '\(o)' overlaps '\(other.path)', an output of stage '\(other.stage)' (each workspace path has one producer)")
                }
                owner.append((t, s.name))
            }
        }
    }

    /// The workspace outputs the stages' outs imply: each at its own path.
    static func workspaceOutputs(_ stages: [StageInstance]) -> [WorkspaceOutput] {
        stages.flatMap { s in
            s.outs.map { o in
                let t = trimmed(o)
                var w = WorkspaceOutput(stage: s.name, file: isFolder(o) ? nil : t, path: t)
                if isFolder(o) { w.under = t }
                return w
            }
        }
    }

    func materialize(deps: [(String, RunRecord)], pipeline: Pipeline) throws {
        let withOuts = deps.filter { pipeline[$0.0]?.outs.isEmpty == false }
        guard !withOuts.isEmpty else { return }
        let sync = WorkspaceSync(root: root, store: store, statCache: StatCache(store: store))
        for (dep, record) in withOuts {
            let outputs = Self.workspaceOutputs([pipeline[dep]!])
            for (path, file) in sync.expected(outputs, stage: dep, record: record) where try sync.problem(path, file) != nil {
                try sync.restore(path, file)
            }
        }
    }

    func clear(_ outs: [String]) throws {
        for o in outs {
            let t = Self.trimmed(o)
            if Self.isFolder(o) {
                try ConfinedPath.checkParents(root: root, relative: t)  // removeItem then removes a symlink itself, not its target
                var st = stat()
                let full = root.path + "/" + t
                if lstat(full, &st) == 0 { try FileManager.default.removeItem(atPath: full) }
            } else {
                try ConfinedPath.remove(root: root, relative: t)
            }
        }
    }

    func collect(_ outs: [String], into out: URL) throws {
        for o in outs {
            let t = Self.trimmed(o)
            let files: [String]
            if Self.isFolder(o) {
                var isDir: ObjCBool = false
                guard FileManager.default.fileExists(atPath: root.path + "/" + t, isDirectory: &isDir), isDir.boolValue else {
                    throw StageError("in-place output '\(o)' was not written (expected a folder)")
                }
                files = FileInputs.filesUnder(t, root: root.path)
            } else {
                var st = stat()
                guard lstat(root.path + "/" + t, &st) == 0, st.st_mode & S_IFMT == S_IFREG else {
                    throw StageError("in-place output '\(o)' was not written (expected a regular file)")
                }
                files = [t]
            }
            for f in files {
                let target = out.appendingPathComponent(f)
                guard !FileManager.default.fileExists(atPath: target.path) else {
                    throw StageError("in-place output '\(f)' has the same name as a file the stage wrote into $OUT")
                }
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(atPath: root.path + "/" + f, toPath: target.path)
            }
        }
    }
}
