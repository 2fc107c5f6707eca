import Foundation

/// `pipeline.lock.json` beside pipeline.json: for every stage that has run, the
/// record of its current result (key, params, input and output hashes, numerics,
/// tool version; no start time, duration or host: those stay in the store's run
/// records). Volatile outputs (`StageKind.volatileOutputs`, say a file of
/// times) are left out too: their hashes are wall-clock values in disguise.
/// Keys sorted, two-space indentation: the same results give the same bytes on
/// every host and branch. Written atomically, and only when its content changes.
public struct LockFile: Sendable {
    public var entries: [String: RunRecord]
    /// Stage -> its volatile outputs, left out of the file.
    public var volatile: [String: Set<String>]
    /// The bytes `read` parsed (nil when built in memory or the file was absent),
    /// so a later look can tell whether the file changed without parsing it again.
    public var onDisk: Data? = nil

    public init(entries: [String: RunRecord], volatile: [String: Set<String>] = [:], onDisk: Data? = nil) {
        self.entries = entries; self.volatile = volatile; self.onDisk = onDisk
    }

    /// Entry `name` as the file holds it: results only, volatile outputs dropped.
    func kept(_ name: String, _ r: RunRecord) -> RunRecord {
        var kept = r.results
        for v in volatile[name] ?? [] { kept.outputs[v] = nil }
        return kept
    }

    public static func url(root: URL) -> URL { root.appendingPathComponent("pipeline.lock.json") }

    /// Reads the lock file; a missing file is empty, a damaged one is an error naming it.
    public static func read(root: URL) throws -> LockFile {
        let u = url(root: root)
        guard let data = (try? WholeFile.read(u.path)).map({ Data($0) }) else { return LockFile(entries: [:]) }
        let json: JSONValue
        do { json = try JSONParser.parse(data) } catch let e as JSONSyntaxError {
            throw PipelineError("pipeline.lock.json:\(e.line):\(e.column): \(e.message) (delete the file to rebuild it)")
        }
        guard let stages = json["stages"]?.objectValue else {
            throw PipelineError("pipeline.lock.json: expected an object with 'stages' (delete the file to rebuild it)")
        }
        var entries: [String: RunRecord] = [:]
        for s in stages {
            guard let r = RunRecord(json: s.value) else {
                throw PipelineError("pipeline.lock.json: stages.\(s.key): malformed entry (delete the file to rebuild it)")
            }
            entries[s.key] = r.results
        }
        return LockFile(entries: entries, onDisk: data)
    }

    /// Whether the file at `root` still holds exactly the bytes this value was read from.
    public func isCurrent(root: URL) -> Bool {
        (try? WholeFile.read(Self.url(root: root).path)).map { Data($0) } == onDisk
    }

    /// True when writing `entries` would give `other`'s entries back: same stages,
    /// and records equal apart from the facts the file leaves out (times, host).
    public func hasSameEntries(as other: LockFile) -> Bool {
        guard entries.count == other.entries.count else { return false }
        for (name, r) in entries {
            // This file's volatile set applies to both: `other` may be one read from disk, which has none.
            guard let o = other.entries[name], kept(name, r) == kept(name, o) else { return false }
        }
        return true
    }

    public func data() -> Data {
        CanonicalJSON.data(.object([
            ("version", .int(2)),
            ("stages", .object(entries.map { ($0.key, kept($0.key, $0.value).json(.results)) })),
        ]), pretty: true)
    }

    /// Writes when the bytes differ from what is on disk; returns whether it wrote.
    @discardableResult
    public func write(root: URL) throws -> Bool {
        let u = Self.url(root: root)
        let new = data()
        if FileManager.default.contents(atPath: u.path) == new { return false }
        try AtomicFile.write(new, to: u)
        return true
    }
}
