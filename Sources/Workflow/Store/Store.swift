import Foundation
import Hashing

/// The content-addressed store (default `.pipeline/` beside pipeline.json).
///
/// Layout: `objects/ab/cdef…` (read-only files named by SHA-256), `runs/<key>.json`
/// (run records), `tmp/` (staging, one folder per running stage), `work/<key>/`
/// (scratch that survives a failed run), `quarantine/` (objects `verify` found
/// corrupt), `claims/<key>.lock` (`StageClaim`), `logs/<key>.log` and
/// `logs/last/<stage>.json` (`StageLog`), `verified/` (`LockVerification`), `statcache.json`, `gc.lock`
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

    public func objectPath(_ hash: String) -> String {
        // By UTF-8 offsets: `prefix(2)` would walk grapheme clusters, once per object stat'ed.
        let split = hash.utf8.index(hash.utf8.startIndex, offsetBy: 2, limitedBy: hash.utf8.endIndex) ?? hash.utf8.endIndex
        return rootPath + "/objects/" + hash[..<split] + "/" + hash[split...]
    }
    // With isDirectory given, URL(fileURLWithPath:) does not stat the path to find out.
    public func objectURL(_ hash: String) -> URL { URL(fileURLWithPath: objectPath(hash), isDirectory: false) }

    public func runURL(_ key: String) -> URL { URL(fileURLWithPath: "\(rootPath)/runs/\(key).json", isDirectory: false) }

    public func scratch(_ key: String) -> URL { URL(fileURLWithPath: "\(rootPath)/work/\(key)", isDirectory: true) }

    /// The object's problem, if any, by stat only: "missing" or "has N bytes, expected M".
    public func objectProblem(_ file: OutputFile) -> String? {
        var st = stat()
        guard stat(objectPath(file.hash), &st) == 0 else { return "missing" }
        return Int(st.st_size) == file.size ? nil : "has \(st.st_size) bytes, expected \(file.size)"
    }

    /// The run record for `key`, or nil when absent or unreadable.
    public func record(_ key: String) -> RunRecord? {
        recordText(key).flatMap(RunRecord.init(text:))
    }

    /// Whether `runs/<key>.json` exists and is not empty (a stat, no read):
    /// an empty record, as a power cut can leave one, counts as absent.
    public func hasRecord(_ key: String) -> Bool {
        var st = stat()
        return stat("\(rootPath)/runs/\(key).json", &st) == 0 && st.st_size > 0
    }

    /// The bytes of `runs/<key>.json`, or nil when absent or unreadable.
    public func recordText(_ key: String) -> [UInt8]? { try? WholeFile.read("\(rootPath)/runs/\(key).json") }

    /// Writes `runs/<key>.json` atomically; `durable: false` leaves the fsyncs to a later `syncFileSystem()`.
    public func writeRecord(_ r: RunRecord, durable: Bool = true) throws {
        try AtomicFile.write(CanonicalJSON.data(r.json(), pretty: true), to: runURL(r.key), durable: durable)
    }

    /// A fresh staging folder `tmp/<label>-<host>-<pid>-<id>`; the owner in
    /// its name lets `cleanStaging` tell leftovers from live folders.
    public func makeStaging(_ label: String) throws -> URL {
        let owner = StagingOwner(host: Self.hostName, pid: Int(getpid()))
        while true {
            // A counter, not a UUID (which reads /dev/urandom): the pid in the name already tells processes apart.
            let path = "\(rootPath)/tmp/" + owner.folderName(label: label, id: Self.stagingIDs.next())
            if mkdir(path, 0o755) == 0 { return URL(fileURLWithPath: path, isDirectory: true) }
            switch errno {
            case EEXIST: continue  // a leftover of a dead process with the same pid
            case ENOENT: try FileManager.default.createDirectory(atPath: "\(rootPath)/tmp", withIntermediateDirectories: true)
            default: throw EngineError("\(path): cannot create: \(String(cString: strerror(errno)))")
            }
        }
    }

    private static let stagingIDs = StagingIDs()

    /// 8 hex digits, unique within this process.
    private final class StagingIDs: @unchecked Sendable {
        private let lock = NSLock()
        private var value = UInt32.random(in: 0...UInt32.max)
        func next() -> String {
            lock.lock(); value &+= 1; let v = value; lock.unlock()
            let hex = String(v, radix: 16)
            return String(repeating: "0", count: 8 - hex.count) + hex
        }
    }

    /// This host's name, looked up once (it is in every staging folder's and record's name).
    static let hostName = ProcessInfo.processInfo.hostName

    /// Moves every regular file under `dir` into objects/ (hash, fsync, chmod
    /// 0444, rename; an existing object of the right size is kept) and returns
    /// relative path -> file. Symlinks and other special files are an error.
    /// With `durable: false` nothing is fsynced: the caller must `syncFileSystem()`
    /// before it writes a record naming these objects (`RecordCommitter` does).
    public func publish(_ dir: URL, durable: Bool = true) throws -> [String: OutputFile] {
        var result: [String: OutputFile] = [:]
        let base = dir.standardizedFileURL.path
        var touched = Set<String>()
        for (rel, size) in try Self.regularFiles(under: base) {
            let path = base + "/" + rel
            let hash = try SHA256.hash(fileAt: URL(fileURLWithPath: path, isDirectory: false)).hex
            let file = OutputFile(hash: hash, size: size)
            let target = objectPath(hash)
            if objectProblem(file) == nil {
                unlink(path)
            } else {
                if durable { try FileSync.file(path) }
                guard chmod(path, 0o444) == 0 else { throw SystemCallError(path: path, operation: "make read-only", code: errno) }
                let folder = String(target[..<target.lastIndex(of: "/")!])
                if mkdir(folder, 0o755) != 0 && errno != EEXIST {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
                guard rename(path, target) == 0 else { throw EngineError("\(target): rename failed: \(String(cString: strerror(errno)))") }
                touched.insert(folder)
            }
            result[rel] = file
        }
        if durable { for d in touched.sorted() { try FileSync.directory(d) } }
        return result
    }

    /// Paths (relative, sorted) and sizes of the regular files under `base`; a
    /// symlink or special file is an error naming it.
    static func regularFiles(under base: String) throws -> [(path: String, size: Int)] {
        var found: [(path: String, size: Int)] = []
        func walk(_ rel: String) throws {
            let path = rel.isEmpty ? base : base + "/" + rel
            guard let d = opendir(path) else { throw EngineError("\(path): cannot list: \(String(cString: strerror(errno)))") }
            defer { closedir(d) }
            var names: [String] = []
            while let e = readdir(d) {
                let name = withUnsafePointer(to: e.pointee.d_name) { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
                if name != "." && name != ".." { names.append(name) }
            }
            for name in names {
                let r = rel.isEmpty ? name : rel + "/" + name
                var st = stat()
                guard lstat(base + "/" + r, &st) == 0 else { throw EngineError("\(base)/\(r): cannot stat: \(String(cString: strerror(errno)))") }
                switch st.st_mode & S_IFMT {
                case S_IFDIR: try walk(r)
                case S_IFREG: found.append((r, Int(st.st_size)))
                default: throw EngineError("output '\(r)' is not a regular file (symlinks and special files cannot be published)")
                }
            }
        }
        try walk("")
        return found.sorted { $0.path < $1.path }
    }

    /// Makes everything written to the store's file system so far durable: one
    /// syncfs(2) for a whole batch of objects and records instead of an fsync
    /// of each file and folder. Where syncfs does not exist, sync(2).
    public func syncFileSystem() throws {
        let fd = open(rootPath, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw EngineError("\(rootPath): cannot open: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        if let syncfs = Self.syncfs {
            guard syncfs(fd) == 0 else { throw EngineError("\(rootPath): syncfs failed: \(String(cString: strerror(errno)))") }
        } else {
            sync()
        }
    }

    private typealias SyncFS = @convention(c) (Int32) -> Int32
    // Linux's syncfs(2) is not in Swift's Glibc module: look it up once.
    private static let syncfs: SyncFS? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs").map { unsafeBitCast($0, to: SyncFS.self) }

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
        // Claim holder notes of dead processes of this host (`ClaimHolderNote`).
        for name in (try? fm.contentsOfDirectory(atPath: claims.path)) ?? [] where name.hasPrefix(ClaimHolderNote.filePrefix + "-") {
            if let owner = StagingOwner(folderName: name), owner.host == host, !owner.isAlive { unlink(claims.path + "/" + name) }
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
