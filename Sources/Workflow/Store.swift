import Foundation
import Hashing

/// The content-addressed store (default `.pipeline/` beside pipeline.json).
///
/// Layout: `objects/ab/cdef…` (read-only files named by SHA-256), `runs/<key>.json`
/// (run records), `tmp/` (staging, one folder per running stage), `work/<key>/`
/// (scratch that survives a failed run), `quarantine/` (objects `verify` found
/// corrupt), `claims/<key>.lock` (`StageClaim`), `logs/<key>.log` and
/// `logs/last/<stage>.json` (`StageLog`), `statcache.json`, `gc.lock`
/// (`StoreLock`), `meta.lock` (`withMetaLock`).
///
/// Objects and run records are published by atomic rename and are immutable
/// content-addressed files, so concurrent publishers and readers need no lock:
/// the same object written twice is the same bytes.
public final class Store: @unchecked Sendable {
    public let root: URL
    private let rootPathCache: String
    public var objects: URL { root.appendingPathComponent("objects") }
    public var runs: URL { root.appendingPathComponent("runs") }
    public var tmp: URL { root.appendingPathComponent("tmp") }
    public var work: URL { root.appendingPathComponent("work") }
    public var quarantine: URL { root.appendingPathComponent("quarantine") }
    public var claims: URL { root.appendingPathComponent("claims") }

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
        guard let data = FileBytes.read("\(rootPath)/runs/\(key).json"),
              let json = try? JSONParser.parse(data) else { return nil }
        return RunRecord(json: json)
    }

    public func writeRecord(_ r: RunRecord) throws {
        try AtomicFile.write(CanonicalJSON.data(r.json(), pretty: true), to: runURL(r.key))
    }

    /// A fresh staging folder `tmp/<label>-<host>-<pid>-<id>`; the owner in
    /// its name lets `cleanStaging` tell leftovers from live folders.
    public func makeStaging(_ label: String) throws -> URL {
        let owner = StagingOwner(host: ProcessInfo.processInfo.hostName, pid: Int(getpid()))
        let url = tmp.appendingPathComponent(owner.folderName(label: label, id: String(UUID().uuidString.prefix(8))))
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

    /// Removes staging leftovers of dead processes: folders whose owner pid no
    /// longer runs on this host, and folders of other hosts (or unnamed ones)
    /// untouched for `foreignAge` seconds. Live processes' folders are kept.
    public func cleanStaging(foreignAge: TimeInterval = 86_400) {
        let fm = FileManager.default
        let host = ProcessInfo.processInfo.hostName
        for name in (try? fm.contentsOfDirectory(atPath: tmp.path)) ?? [] {
            let path = tmp.appendingPathComponent(name).path
            if let owner = StagingOwner(folderName: name), owner.host == host {
                if owner.isAlive { continue }
            } else if let m = (try? fm.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
                      Date().timeIntervalSince(m) < foreignAge {
                continue
            }
            try? fm.removeItem(atPath: path)
        }
    }

    /// Runs `body` under the brief exclusive flock `meta.lock`, which guards the
    /// shared mutable files (pipeline.lock.json, statcache.json, workspace
    /// outputs). Never held while a stage computes. Says so once if it waits
    /// longer than a second.
    public func withMetaLock<T>(message: (String) -> Void, _ body: () throws -> T) throws -> T {
        let lock = FileLock(path: root.appendingPathComponent("meta.lock").path)
        let since = Date()
        var told = false
        while try !lock.tryLock(.exclusive) {
            if !told, Date().timeIntervalSince(since) > 1 {
                message("waiting for the store's meta lock held by \(FileLock.describe(FileLock.readNote(lock.path)))")
                told = true
            }
            usleep(20_000)
        }
        defer { lock.clearNote(); lock.release() }
        lock.writeNote(FileLock.note())
        return try body()
    }
}
