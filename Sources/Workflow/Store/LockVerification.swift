import Foundation
import Hashing

/// The store's note that a project's lock file, with given bytes, agrees with
/// the store: each entry is, results for results, the run record of its key.
/// While the note holds, a no-op run or `status` takes a cached stage's entry
/// as its record, instead of reading `runs/<key>.json` and comparing it with
/// the entry (`RecordText`): a file open, read and compare per stage, which
/// was a sixth of a 10,000-stage no-op. Objects are still stat'ed for every
/// stage, as always. Git's index plays the same part for `git status`.
///
/// The note names the lock file's bytes by their SHA-256, which `LockFile.read`
/// takes anyway (about 4 ms at 10,000 stages), so any change to the file, by
/// hand, by git or by another tool, is seen whatever its timestamps say.
/// `LockFile.read(root:store:)` checks it once, as it reads (`Snapshot.noted`).
///
/// Written by a run that wrote the lock file from this run's results alone
/// (every entry's stage was evaluated or ran in it), by a run that wrote
/// nothing, and by `status`, once each entry was found equal to its stage's
/// record. The record file must still exist (one stat per stage: a deleted
/// record makes its stage run, as without a note), and `gc` drops every note.
/// What a note does not see is a record replaced behind the lock file, which
/// only a run of the same key does (`--force`, or another project on a shared
/// store): its result is one of the same inputs, and a run of this project
/// rewrites the lock file, which then has other bytes.
///
/// Files: `verified/<SHA-256 of the lock file's path>.json` in the store, one
/// per project, replaced atomically and without fsync: a note lost to a crash
/// costs one checking run. A note that cannot be read or written is no note.
public enum LockVerification {
    /// Whether the store's note for the lock file at `root` names the bytes `lock` was read from.
    public static func holds(for lock: LockFile, root: URL, store: Store) -> Bool {
        guard let digest = lock.onDisk?.digest else { return false }
        return holds(digest: digest, root: root, store: store)
    }

    /// Whether the store's note for the lock file at `root` names bytes with this SHA-256.
    static func holds(digest: Digest, root: URL, store: Store) -> Bool {
        guard let bytes = try? WholeFile.readIfPresent(path(root: root, store: store)),
              let note = try? JSONParser.parse(bytes) else { return false }
        return note["lock"]?.stringValue == lockPath(root) && note["sha256"]?.stringValue == digest.hex
    }

    /// Notes `lock` (as read) when every entry equals `results[stage]` as the
    /// lock file keeps it (volatile outputs dropped); otherwise does nothing.
    /// Returns whether it wrote.
    @discardableResult
    public static func note(_ lock: LockFile, agreesWith results: [String: RunRecord], volatile: [String: Set<String>],
                            root: URL, store: Store) -> Bool {
        guard let digest = lock.onDisk?.digest, !lock.entries.isEmpty else { return false }
        let keeping = LockFile(entries: [:], volatile: volatile)
        for (name, entry) in lock.entries {
            guard let r = results[name], keeping.kept(name, r) == keeping.kept(name, entry) else { return false }
        }
        return note(digest: digest, root: root, store: store)
    }

    /// Notes the lock file's bytes by their SHA-256: for a writer that made
    /// every entry from records, as `Engine` does after a run; returns whether it wrote.
    @discardableResult
    public static func note(digest: Digest, root: URL, store: Store) -> Bool {
        let note: JSONValue = .object([("lock", .string(lockPath(root))), ("sha256", .string(digest.hex))])
        do {
            try FileManager.default.createDirectory(at: folder(store), withIntermediateDirectories: true)
            try AtomicFile.write(CanonicalJSON.data(note, pretty: true), to: URL(fileURLWithPath: path(root: root, store: store)),
                                 durable: false)
            return true
        } catch { return false }
    }

    /// Drops the note for the lock file at `root` (a temporary project, say an experiment's copy).
    public static func drop(root: URL, store: Store) { unlink(path(root: root, store: store)) }

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
