import Foundation
import Hashing

/// The store's note that a project's lock file, in one exact state on disk,
/// agrees with the store: each entry is, results for results, the run record
/// of its key. While the note holds, a no-op run or `status` takes a cached
/// stage's entry as its record, instead of reading `runs/<key>.json` and
/// comparing it with the entry (`RecordText`): a file open and read per
/// stage, which was a sixth of a 10,000-stage no-op. Objects are still
/// stat'ed for every stage, as always. Git's index plays the same part for
/// `git status`.
///
/// The state is the lock file's settled stat signature
/// (`LockFile.Snapshot.signature`: device, inode, size, mtime and ctime, its
/// mtime over a second old when read and its stat unchanged by the read).
/// Every write to the file moves its ctime, which no program can set back, so
/// an equal signature means the bytes that were checked. A lock file read
/// unsettled (just written) gets no note: the next run checks every record and
/// writes one.
///
/// Written only by a run that wrote nothing, and by `status`, after each entry
/// was found equal to its stage's record, the file unchanged since it was
/// read. What a note does not see: a run record removed or replaced behind the
/// lock file. Only `gc` removes records, and it drops every note; a record is
/// replaced only by a run of the same key (`--force`, or another project on a
/// shared store), which is a result of the same inputs, and a run of this
/// project rewrites the lock file, so its note no longer holds.
///
/// Files: `verified/<SHA-256 of the lock file's path>.json` in the store,
/// replaced atomically and without fsync: a note lost to a crash costs one
/// checking run. A note that cannot be read or written is no note.
public enum LockVerification {
    /// Whether the store's note for the lock file at `root` describes `lock` as it was read.
    public static func holds(for lock: LockFile, root: URL, store: Store) -> Bool {
        holds(signature: lock.onDisk?.signature, root: root, store: store)
    }

    /// Whether the store's note is for the lock file at `root` with this stat signature.
    static func holds(signature: [JSONValue]?, root: URL, store: Store) -> Bool {
        guard let signature, let bytes = try? WholeFile.readIfPresent(path(root: root, store: store)),
              let note = try? JSONParser.parse(bytes) else { return false }
        return note["lock"]?.stringValue == lockPath(root) && note["signature"] == .array(signature)
    }

    /// Writes the note for `lock` when it was read settled, still holds those
    /// bytes, and every entry equals `results[stage]` as the lock file keeps it
    /// (volatile outputs dropped); otherwise does nothing. Returns whether it wrote.
    @discardableResult
    public static func note(_ lock: LockFile, agreesWith results: [String: RunRecord], volatile: [String: Set<String>],
                            root: URL, store: Store) -> Bool {
        guard let signature = lock.onDisk?.signature, !lock.entries.isEmpty else { return false }
        let keeping = LockFile(entries: [:], volatile: volatile)
        for (name, entry) in lock.entries {
            guard let r = results[name], keeping.kept(name, r) == keeping.kept(name, entry) else { return false }
        }
        guard lock.isCurrent(root: root) else { return false }
        let note: JSONValue = .object([("lock", .string(lockPath(root))), ("signature", .array(signature))])
        do {
            try FileManager.default.createDirectory(at: folder(store), withIntermediateDirectories: true)
            try AtomicFile.write(CanonicalJSON.data(note, pretty: true), to: URL(fileURLWithPath: path(root: root, store: store)),
                                 durable: false)
            return true
        } catch { return false }
    }

    /// Drops every note (`gc`, before it removes run records).
    public static func dropAll(store: Store) throws {
        let f = folder(store)
        guard FileManager.default.fileExists(atPath: f.path) else { return }
        try FileManager.default.removeItem(at: f)
    }

    static func folder(_ store: Store) -> URL { store.root.appendingPathComponent("verified", isDirectory: true) }

    private static func lockPath(_ root: URL) -> String { LockFile.url(root: root.standardizedFileURL).path }

    static func path(root: URL, store: Store) -> String {
        folder(store).path + "/" + SHA256.hash(lockPath(root)).hex + ".json"
    }
}
