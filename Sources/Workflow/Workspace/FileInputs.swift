import Foundation

/// Workspace files a stage reads (its `"files"` in pipeline.json), as a
/// manifest of content hashes that goes into the stage's cache key.
///
/// Patterns are relative to the project folder (pipeline.json's folder). A
/// pattern names a file, a folder (every regular file under it, recursively),
/// or a glob (`*`, `?`, `[...]`, via fnmatch with FNM_PATHNAME, so `*` does not
/// cross `/`) whose matches are files or folders. The manifest maps each file's
/// path relative to the project to its SHA-256, read through the stat cache
/// (an unchanged file costs one stat). Folders and globs are expanded in
/// sorted order; the manifest is a dictionary, so order never reaches the key.
public enum FileInputs {
    /// Checks patterns at load time: relative, inside the project, and naming
    /// something that exists. `fail` gets the message for one field, e.g.
    /// `files[0]: 'src/prep.py' does not exist`.
    static func validate(_ patterns: [String], root: URL, fail: (String) -> PipelineError) throws {
        for (i, p) in patterns.enumerated() {
            let at = "files[\(i)]"
            guard !p.isEmpty, !p.hasPrefix("/"), !p.split(separator: "/").contains("..") else {
                throw fail("\(at): expected a path inside the project, relative to pipeline.json's folder, found '\(p)'")
            }
            if Glob.isPattern(p) {
                if try expand(p, root: root.path).isEmpty { throw fail("\(at): '\(p)' matches no file in \(root.path)") }
            } else if !FileManager.default.fileExists(atPath: join(root.path, trimmed(p))) {
                throw fail("\(at): '\(p)' does not exist (looked in \(root.path))")
            }
        }
    }

    /// Relative path -> SHA-256 hex of every file the patterns name now.
    /// Throws `PipelineError` naming a pattern that no longer matches anything.
    public static func manifest(_ patterns: [String], root: URL, statCache: StatCache) throws -> [String: String] {
        var result: [String: String] = [:]
        for p in patterns {
            let files = try expand(p, root: root.path)
            if files.isEmpty { throw PipelineError("input file \(p) is missing (listed in \"files\")") }
            for f in files where result[f] == nil {
                guard let h = try statCache.hash(join(root.path, f)) else { throw PipelineError("input file \(f) is missing") }
                result[f] = h
            }
        }
        return result
    }

    /// The regular files (relative paths, sorted) a pattern names.
    static func expand(_ pattern: String, root: String) throws -> [String] {
        let p = trimmed(pattern)
        if !Glob.isPattern(p) { return filesUnder(p, root: root) }
        // Walk from the longest folder prefix without wildcards.
        let parts = p.split(separator: "/").map(String.init)
        let fixed = parts.prefix { !Glob.isPattern($0) }.joined(separator: "/")
        var matched: [String] = []
        for candidate in entriesUnder(fixed, root: root) where fnmatch(p, candidate, FNM_PATHNAME) == 0 {
            matched.append(contentsOf: filesUnder(candidate, root: root))
        }
        return Array(Set(matched)).sorted()
    }

    /// `rel` itself if it is a regular file (or a link to one), else every regular file below it.
    static func filesUnder(_ rel: String, root: String) -> [String] {
        var isDir: ObjCBool = false
        let full = join(root, rel)
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isDir) else { return [] }
        if !isDir.boolValue { return StatCache.signature(full) != nil ? [rel] : [] }
        return entriesUnder(rel, root: root).filter { StatCache.signature(join(root, $0)) != nil }.sorted()
    }

    /// Every path (files and folders) below the folder `rel` ("" for the root), relative to `root`.
    /// Left out: temporary files of an interrupted atomic write (`.tmp-…`), and pipeline's own
    /// state and git's at the project root (`.pipeline/`, `pipeline.lock.json`, `.git/`), which
    /// change with every run or commit and would make a stage listing "." never up to date.
    static func entriesUnder(_ rel: String, root: String) -> [String] {
        let base = rel.isEmpty ? root : join(root, rel)
        guard let e = FileManager.default.enumerator(atPath: base) else { return [] }
        var out: [String] = []
        while let sub = e.nextObject() as? String {
            if (sub as NSString).lastPathComponent.hasPrefix(".tmp-") { continue }
            let path = rel.isEmpty ? sub : rel + "/" + sub
            if Self.projectState.contains(String(path.split(separator: "/").first ?? "")) { e.skipDescendants(); continue }
            out.append(path)
        }
        return out.sorted()
    }

    static let projectState: Set<String> = [".pipeline", "pipeline.lock.json", ".git"]

    static func trimmed(_ p: String) -> String {
        var s = p
        while s.hasSuffix("/") { s.removeLast() }
        while s.hasPrefix("./") { s.removeFirst(2) }
        return s == "." ? "" : s
    }

    static func join(_ root: String, _ rel: String) -> String {
        rel.isEmpty ? root : root.hasSuffix("/") ? root + rel : root + "/" + rel
    }
}
