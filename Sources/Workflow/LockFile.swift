import Foundation

/// `pipeline.lock.json` beside pipeline.json: for every stage that has run, the
/// record of its current result (key, params, input and output hashes, timing,
/// tool version; no host). Keys sorted, two-space indentation: the same results
/// give the same bytes. Written atomically, and only when its content changes.
public struct LockFile: Sendable {
    public var entries: [String: RunRecord]
    /// The bytes `read` parsed (nil when built in memory or the file was absent),
    /// so a later look can tell whether the file changed without parsing it again.
    public var onDisk: Data? = nil

    public init(entries: [String: RunRecord], onDisk: Data? = nil) { self.entries = entries; self.onDisk = onDisk }

    public static func url(root: URL) -> URL { root.appendingPathComponent("pipeline.lock.json") }

    /// Reads the lock file; a missing file is empty, a damaged one is an error naming it.
    public static func read(root: URL) throws -> LockFile {
        let u = url(root: root)
        guard let data = FileBytes.read(u.path) else { return LockFile(entries: [:]) }
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
            entries[s.key] = r
        }
        return LockFile(entries: entries, onDisk: data)
    }

    /// Whether the file at `root` still holds exactly the bytes this value was read from.
    public func isCurrent(root: URL) -> Bool {
        FileBytes.read(Self.url(root: root).path) == onDisk
    }

    /// True when writing `entries` would give `other`'s entries back: same stages,
    /// and records equal apart from the host (which the file leaves out).
    public func hasSameEntries(as other: LockFile) -> Bool {
        guard entries.count == other.entries.count else { return false }
        for (name, r) in entries {
            guard var o = other.entries[name] else { return false }
            var mine = r
            mine.host = ""; o.host = ""
            if mine != o { return false }
        }
        return true
    }

    public func data() -> Data {
        CanonicalJSON.data(.object([
            ("version", .int(1)),
            ("stages", .object(entries.map { ($0.key, $0.value.json(includeHost: false)) })),
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
