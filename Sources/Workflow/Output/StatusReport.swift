import Foundation

/// `pipeline status`: every stage up to date or stale, with reasons. A stage
/// is up to date when a valid run record exists for its current key and its
/// workspace outputs match the store; a stale stage whose last run failed says
/// so (time, error, log). Reads records and stats files only.
public struct StatusReport: Sendable {
    public struct Entry: Sendable {
        public let name: String
        public let upToDate: Bool
        public let reasons: [String]
        public let key: String?
    }
    public let entries: [Entry]

    /// `lockFile`: the lock file's read if already under way (`LockFile.Reading`);
    /// `processExitsAfter`: the lock file and the evaluations are left to the
    /// operating system (`ExitLeak`), as the command line exits next.
    public static func make(pipeline: Pipeline, store: Store, lockFile: LockFile.Reading? = nil,
                            processExitsAfter: Bool = false) throws -> StatusReport {
        let lock = try LockFile.Reading.value(lockFile, root: pipeline.root, store: store)
        let statCache = StatCache(store: store)
        let sync = WorkspaceSync(root: pipeline.root, store: store, statCache: statCache)
        var entries: [Entry] = []
        let verified = lock.onDisk?.noted == true
        let evaluations = Planner(pipeline: pipeline, store: store, lock: lock, statCache: statCache, lockVerified: verified).evaluateAll()
        if processExitsAfter { ExitLeak.keep((lock, evaluations)) }
        if !verified {
            var records: [String: RunRecord] = [:]
            for e in evaluations { if let r = e.record { records[e.name] = r } }
            LockVerification.note(lock, agreesWith: records, volatile: pipeline.volatileOutputs, root: pipeline.root, store: store)
        }
        for e in evaluations {
            var reasons = e.reasons
            if let r = e.record {
                for (path, file) in sync.expected(pipeline.outputs, stage: e.name, record: r) {
                    if let p = try sync.problem(path, file) { reasons.append("workspace output \(path) \(p)") }
                }
                if lock.entries[e.name]?.key != r.key { reasons.append("lock file not updated (run to record the cached result)") }
            }
            if !reasons.isEmpty, let failure = StageAttempt.last(store: store, stage: e.name)?.failureSummary { reasons.append(failure) }
            entries.append(Entry(name: e.name, upToDate: reasons.isEmpty, reasons: reasons, key: e.key))
        }
        try? statCache.save()
        return StatusReport(entries: entries)
    }

    public var text: String {
        var lines = entries.map { e in
            e.upToDate ? "up to date  \(e.name)" : "stale       \(e.name) (\(StaleReasons.describe(e.reasons)))"
        }
        let fresh = entries.filter(\.upToDate).count
        lines.append("\(fresh) up to date, \(entries.count - fresh) stale")
        return lines.joined(separator: "\n")
    }

    public var json: JSONValue {
        .object([("stages", .array(entries.map { e in
            .object([("name", .string(e.name)), ("state", .string(e.upToDate ? "up to date" : "stale")),
                     ("reasons", .array(e.reasons.map { .string($0) })), ("key", e.key.map { .string($0) } ?? .null)])
        }))])
    }
}
