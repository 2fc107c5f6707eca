import Foundation

/// The right to compute one cache key: an exclusive flock on
/// `<store>/claims/<key>.lock`, held from just before a stage starts until its
/// run record is published (or it failed). Two processes sharing a store thus
/// never compute the same key at once; the one that finds the claim taken
/// waits, then reuses the published record (or computes it itself if the
/// holder failed or died: the kernel drops a dead holder's flock).
///
/// The holder writes `{"pid", "host", "started", "stage"}` into the file for
/// the waiter's message, and unlinks it on release so `claims/` stays empty
/// (`FileLock.tryLock(removable:)` makes that safe).
public final class StageClaim: @unchecked Sendable {
    public let key: String
    public let stage: String
    private let file: FileLock

    public init(store: Store, key: String, stage: String) {
        self.key = key; self.stage = stage
        file = FileLock(path: store.claims.appendingPathComponent("\(key).lock").path)
    }

    /// One non-blocking attempt; true when this claim now holds the key.
    public func tryAcquire() throws -> Bool {
        try FileManager.default.createDirectory(atPath: (file.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        guard try file.tryLock(.exclusive, removable: true) else { return false }
        file.writeNote(FileLock.note([("stage", .string(stage))]))
        return true
    }

    /// The current holder's note; a holder may not have written it yet, so
    /// this retries briefly before giving up.
    public func holderNote() -> JSONValue? {
        for _ in 0..<5 {
            if let n = FileLock.readNote(file.path) { return n }
            usleep(10_000)
        }
        return nil
    }

    public func release() { file.release(remove: true) }

    deinit { release() }
}
