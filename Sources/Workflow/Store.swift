import Foundation
import Hashing

/// The content-addressed store (default `.pipeline/` beside pipeline.json).
///
/// Layout: `objects/ab/cdef…` (read-only files named by SHA-256), `runs/<key>.json`
/// (run records), `tmp/` (staging; garbage after a crash), `work/<key>/` (scratch
/// that survives a failed run), `quarantine/` (objects `verify` found corrupt),
/// `statcache.json`, `lock`. Objects are immutable once renamed into place, so
/// readers need no lock; writers hold `StoreLock`.
public final class Store: @unchecked Sendable {
    public let root: URL
    private let rootPathCache: String
    public var objects: URL { root.appendingPathComponent("objects") }
    public var runs: URL { root.appendingPathComponent("runs") }
    public var tmp: URL { root.appendingPathComponent("tmp") }
    public var work: URL { root.appendingPathComponent("work") }
    public var quarantine: URL { root.appendingPathComponent("quarantine") }

    public init(root: URL) { self.root = root; rootPathCache = root.path }

    /// The store for a project: `--cache-dir`, else `$PIPELINE_CACHE_DIR`, else `<root>/.pipeline`.
    public static func locate(projectRoot: URL, cacheDir: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> Store {
        if let c = cacheDir, !c.isEmpty { return Store(root: URL(fileURLWithPath: c)) }
        if let e = environment["PIPELINE_CACHE_DIR"], !e.isEmpty { return Store(root: URL(fileURLWithPath: e)) }
        return Store(root: projectRoot.appendingPathComponent(".pipeline"))
    }

    public func createLayout() throws {
        for d in [objects, runs, tmp, work] { try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true) }
    }

    // Paths are built as strings: URL.appendingPathComponent dominated a no-op run's profile.
    private var rootPath: String { rootPathCache }

    public func objectPath(_ hash: String) -> String { "\(rootPath)/objects/\(hash.prefix(2))/\(hash.dropFirst(2))" }
    public func objectURL(_ hash: String) -> URL { URL(fileURLWithPath: objectPath(hash)) }

    public func runURL(_ key: String) -> URL { URL(fileURLWithPath: "\(rootPath)/runs/\(key).json") }

    public func scratch(_ key: String) -> URL { work.appendingPathComponent(key) }

    /// The object's problem, if any, by stat only: "missing" or "has N bytes, expected M".
    public func objectProblem(_ file: OutputFile) -> String? {
        var st = stat()
        guard stat(objectPath(file.hash), &st) == 0 else { return "missing" }
        return Int(st.st_size) == file.size ? nil : "has \(st.st_size) bytes, expected \(file.size)"
    }

    /// The run record for `key`, or nil when absent or unreadable.
    public func record(_ key: String) -> RunRecord? {
        guard let data = FileManager.default.contents(atPath: runURL(key).path),
              let json = try? JSONParser.parse(data) else { return nil }
        return RunRecord(json: json)
    }

    public func writeRecord(_ r: RunRecord) throws {
        try AtomicFile.write(CanonicalJSON.data(r.json(), pretty: true), to: runURL(r.key))
    }

    /// A fresh staging folder under tmp/.
    public func makeStaging(_ label: String) throws -> URL {
        let url = tmp.appendingPathComponent("\(label)-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Moves every regular file under `dir` into objects/ (hash, fsync, chmod
    /// 0444, rename; an existing object of the right size is kept) and returns
    /// relative path -> file. Symlinks and other special files are an error.
    public func publish(_ dir: URL) throws -> [String: OutputFile] {
        var result: [String: OutputFile] = [:]
        let base = dir.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [:] }
        var paths: [String] = []
        while let rel = walker.nextObject() as? String { paths.append(rel) }
        var touched = Set<String>()
        for rel in paths.sorted() {
            let path = base + "/" + rel
            var st = stat()
            guard lstat(path, &st) == 0 else { throw EngineError("\(path): cannot stat: \(String(cString: strerror(errno)))") }
            switch st.st_mode & S_IFMT {
            case S_IFDIR: continue
            case S_IFREG: break
            default: throw EngineError("output '\(rel)' is not a regular file (symlinks and special files cannot be published)")
            }
            let hash = try SHA256.hash(fileAt: URL(fileURLWithPath: path)).hex
            let file = OutputFile(hash: hash, size: Int(st.st_size))
            let target = objectURL(hash)
            if objectProblem(file) == nil {
                unlink(path)
            } else {
                let fd = open(path, O_RDONLY)
                if fd >= 0 { fsync(fd); close(fd) }
                chmod(path, 0o444)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                guard rename(path, target.path) == 0 else { throw EngineError("\(target.path): rename failed: \(String(cString: strerror(errno)))") }
                touched.insert(target.deletingLastPathComponent().path)
            }
            result[rel] = file
        }
        for d in touched.sorted() { AtomicFile.syncDirectory(URL(fileURLWithPath: d)) }
        return result
    }

    /// Removes staging leftovers; call only while holding the store lock.
    public func cleanStaging() {
        try? FileManager.default.removeItem(at: tmp)
        try? FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }
}
