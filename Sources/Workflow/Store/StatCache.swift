import Foundation
import Hashing

/// Remembers file hashes by (device, inode, size, mtime, ctime), so checking a
/// workspace file that has not changed costs one stat and no read.
///
/// Stored at `<store>/statcache.json` as {path: [dev, ino, size, mtime_ns, ctime_ns, hash]}.
/// Thread-safe; `save` writes atomically and only after a change.
public final class StatCache: @unchecked Sendable {
    private let url: URL
    private var entries: [String: [JSONValue]] = [:]
    private var dirty = false
    private let lock = NSLock()

    public init(store: Store) {
        url = store.root.appendingPathComponent("statcache.json")
        // A cache: an unreadable or damaged file is as good as none (every file is then hashed again).
        if let data = try? WholeFile.read(url.path), let json = try? JSONParser.parse(data),
           let members = json.objectValue {
            for m in members { if let a = m.value.arrayValue, a.count == 6 { entries[m.key] = a } }
        }
    }

    static func signature(_ path: String) -> [JSONValue]? {
        var st = stat()
        guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        let m = Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec)
        let c = Int(st.st_ctim.tv_sec) * 1_000_000_000 + Int(st.st_ctim.tv_nsec)
        return [.int(Int(st.st_dev)), .int(Int(st.st_ino)), .int(Int(st.st_size)), .int(m), .int(c)]
    }

    /// The file's SHA-256 hex, or nil if it does not exist; reads it only when its stat changed.
    public func hash(_ path: String) throws -> String? {
        guard let sig = Self.signature(path) else { return nil }
        lock.lock()
        if let e = entries[path], Array(e.prefix(5)) == sig, let h = e[5].stringValue { lock.unlock(); return h }
        lock.unlock()
        let h = try SHA256.hash(fileAt: URL(fileURLWithPath: path)).hex
        remember(path, hash: h)
        return h
    }

    /// Records that `path`, as it is now on disk, has content `hash`.
    public func remember(_ path: String, hash: String) {
        guard let sig = Self.signature(path) else { return }
        lock.lock(); defer { lock.unlock() }
        entries[path] = sig + [.string(hash)]
        dirty = true
    }

    /// Whether `save` has something to write.
    public var isDirty: Bool { lock.lock(); defer { lock.unlock() }; return dirty }

    public func save() throws {
        lock.lock(); defer { lock.unlock() }
        guard dirty else { return }
        try AtomicFile.write(CanonicalJSON.data(.object(entries.map { ($0.key, .array($0.value)) })), to: url)
        dirty = false
    }
}
