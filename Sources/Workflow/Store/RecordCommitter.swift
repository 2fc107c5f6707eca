import Foundation

/// Writes run records in groups, each only after the objects it names are durable.
///
/// A stage publishes its objects with `Store.publish(durable: false)` (no fsync)
/// and hands its record here. The committer's thread takes every record
/// submitted so far as one group: one `Store.syncFileSystem()` makes the
/// group's objects durable, then the records are written (temp file + rename,
/// no fsync) and each `then` is called. The next group's sync, or `flush`'s,
/// makes those records durable. While one group syncs, the next accumulates,
/// so a run of many short stages pays one sync per group, not four fsyncs per
/// stage; a lone stage waits one sync.
///
/// Guarantees: a record readable after a power cut names objects whose bytes
/// were synced before the record was written. A record may be lost (or left
/// empty, which reads as absent): its stage runs again.
///
/// Threading: thread-safe; `then` runs on the committer's thread, in
/// submission order within a group.
final class RecordCommitter: @unchecked Sendable {
    typealias Completion = @Sendable (Error?) -> Void
    private let store: Store
    private let cond = NSCondition()
    private var pending: [(record: RunRecord, then: Completion)] = []
    private var busy = false
    /// Records written since the last sync (so `flush` knows whether to sync once more).
    private var unsynced = false
    private var thread: Thread?
    private var closed = false

    init(store: Store) { self.store = store }

    /// Queues `record`, whose objects are already in objects/.
    func submit(_ record: RunRecord, then: @escaping Completion) {
        cond.lock()
        pending.append((record, then))
        if thread == nil {
            let t = Thread { self.loop() }
            t.name = "pipeline.records"
            thread = t
            t.start()
        }
        cond.broadcast()
        cond.unlock()
    }

    /// Returns once every record submitted before the call is written and synced.
    func flush() throws {
        cond.lock()
        while busy || !pending.isEmpty { cond.wait() }
        let sync = unsynced
        unsynced = false
        cond.unlock()
        if sync { try store.syncFileSystem() }
    }

    /// Ends the committer's thread once the queue is empty (after `flush`).
    func close() {
        cond.lock(); closed = true; cond.broadcast(); cond.unlock()
    }

    private func loop() {
        while true {
            cond.lock()
            while pending.isEmpty && !closed { cond.wait() }
            if pending.isEmpty { cond.unlock(); return }
            let group = pending
            pending = []
            busy = true
            cond.unlock()
            var failure: Error?
            do { try store.syncFileSystem() } catch { failure = error }
            for item in group {
                var error = failure
                if error == nil { do { try store.writeRecord(item.record, durable: false) } catch let e { error = e } }
                item.then(error)
            }
            cond.lock()
            busy = false
            unsynced = true
            cond.broadcast()
            cond.unlock()
        }
    }
}
