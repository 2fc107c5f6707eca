import Foundation

/// The right to compute one cache key: an exclusive flock on
/// `<store>/claims/<key>.lock`, held from just before a stage starts until its
/// run record is published (or it failed). Two processes sharing a store thus
/// never compute the same key at once; the one that finds the claim taken
/// waits, then reuses the published record (or computes it itself if the
/// holder failed or died: the kernel drops a dead holder's flock).
///
/// Claim files stay empty. Who holds what, for the waiter's message, is in one
/// file per process, `claims/.holder-<host>-<pid>-note` (`ClaimHolderNote`):
/// a claim file with content has a data block, and freeing a block costs a
/// discard on some disks (3 ms on the test VM, more than a trivial stage).
/// The holder unlinks the claim file on release, or leaves it for
/// `removeReleased` at the end of a run, so `claims/` ends empty
/// (`FileLock.tryLock(removable:)` makes unlinking safe).
public final class StageClaim: @unchecked Sendable {
    public let key: String
    public let stage: String
    private let file: FileLock
    private let notes: ClaimHolderNote

    public init(store: Store, key: String, stage: String) {
        self.key = key; self.stage = stage
        file = FileLock(path: store.claims.appendingPathComponent("\(key).lock").path)
        notes = ClaimHolderNote.forProcess(claims: store.claims.path)
    }

    /// One non-blocking attempt; true when this claim now holds the key.
    public func tryAcquire() throws -> Bool {
        if file.isHeld { return true }
        let dir = (file.path as NSString).deletingLastPathComponent
        if access(dir, F_OK) != 0 { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        guard try file.tryLock(.exclusive, removable: true) else { return false }
        notes.add(key: key, stage: stage)
        return true
    }

    /// The current holder's note `{"pid", "host", "started", "stage"}`: from the
    /// claim file itself (older versions wrote it there), else from the holder
    /// notes of live processes. A holder may not have written it yet, so this
    /// retries briefly before giving up.
    public func holderNote() -> JSONValue? {
        for _ in 0..<5 {
            if let n = FileLock.readNote(file.path) { return n }
            if let n = ClaimHolderNote.find(key: key, claims: (file.path as NSString).deletingLastPathComponent) { return n }
            usleep(10_000)
        }
        return nil
    }

    /// Releases the claim and unlinks its file. With `keepingFile` the file is
    /// left for `removeReleased`: a run of many short stages then deletes no
    /// file per stage, so ext4 does not search past the inodes it freed.
    public func release(keepingFile: Bool = false) {
        guard file.isHeld else { return }
        notes.remove(key: key)
        file.release(remove: !keepingFile)
    }

    /// Unlinks the files of claims released with `keepingFile`, each under its
    /// lock as `release` does; a file someone holds again is left to its holder.
    public static func removeReleased(store: Store, keys: [String]) {
        for key in keys {
            let f = FileLock(path: store.claims.appendingPathComponent("\(key).lock").path)
            if (try? f.tryLock(.exclusive, removable: true)) == true { f.release(remove: true) }
        }
    }

    deinit { release() }
}

/// The keys this process holds claims on in one claims folder, as
/// `{"pid", "host", "started", "claims": {key: stage}}` in
/// `claims/.holder-<host>-<pid>-note`. Rewritten in place (padded with spaces,
/// never truncated, so its one data block is never freed) as claims come and
/// go; removed when the process exits, or by `Store.cleanStaging` once its
/// process is dead. Thread-safe.
final class ClaimHolderNote: @unchecked Sendable {
    private static let registry = NSLock()
    nonisolated(unsafe) private static var byFolder: [String: ClaimHolderNote] = [:]

    let path: String
    private let lock = NSLock()
    private var held: [String: String] = [:]
    private var fd: Int32 = -1
    private var length = 0
    private let started = Timestamp.now()

    private init(path: String) { self.path = path }

    static let fileSuffix = "-note"
    static let filePrefix = ".holder"

    static func fileName(host: String, pid: Int) -> String {
        StagingOwner(host: host, pid: pid).folderName(label: filePrefix, id: String(fileSuffix.dropFirst()))
    }

    /// The note of this process for a claims folder.
    static func forProcess(claims: String) -> ClaimHolderNote {
        registry.lock(); defer { registry.unlock() }
        if let n = byFolder[claims] { return n }
        let n = ClaimHolderNote(path: claims + "/" + fileName(host: Store.hostName, pid: Int(getpid())))
        if byFolder.isEmpty { atexit { ClaimHolderNote.removeAll() } }
        byFolder[claims] = n
        return n
    }

    func add(key: String, stage: String) { lock.lock(); held[key] = stage; write(); lock.unlock() }
    func remove(key: String) { lock.lock(); held[key] = nil; write(); lock.unlock() }

    private func write() {
        if fd < 0 { fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644) }
        guard fd >= 0 else { return }  // only messages depend on it
        let note = FileLock.note([("claims", .object(held.map { ($0.key, .string($0.value)) }))])
        var bytes = Array(CanonicalJSON.data(note))
        if bytes.count < length { bytes += Array(repeating: 0x20, count: length - bytes.count) }
        length = bytes.count
        _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    private static func removeAll() {
        registry.lock(); defer { registry.unlock() }
        for n in byFolder.values where n.fd >= 0 { unlink(n.path); close(n.fd) }
        byFolder = [:]
    }

    /// `{"pid", "host", "started", "stage"}` of the live process whose note lists `key`.
    static func find(key: String, claims: String) -> JSONValue? {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: claims)) ?? [] where name.hasPrefix(filePrefix + "-") {
            guard let owner = StagingOwner(folderName: name), owner.host != Store.hostName || owner.isAlive,
                  let note = FileLock.readNote(claims + "/" + name), let stage = note["claims"]?[key]?.stringValue else { continue }
            return .object([("pid", note["pid"] ?? .null), ("host", note["host"] ?? .null), ("started", note["started"] ?? .null),
                            ("stage", .string(stage))])
        }
        return nil
    }
}
