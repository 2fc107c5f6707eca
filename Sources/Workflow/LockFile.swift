import Foundation

/// `pipeline.lock.json` beside pipeline.json: for every stage that has run, the
/// record of its current result (key, params, input and output hashes, timing,
/// tool version; no host). Keys sorted, two-space indentation: the same results
/// give the same bytes. Written atomically, and only when its content changes.
public struct LockFile: Sendable {
    public var entries: [String: RunRecord]

    public static func url(root: URL) -> URL { root.appendingPathComponent("pipeline.lock.json") }

    /// Reads the lock file; a missing file is empty, a damaged one is an error naming it.
    public static func read(root: URL) throws -> LockFile {
        let u = url(root: root)
        guard let data = FileManager.default.contents(atPath: u.path) else { return LockFile(entries: [:]) }
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
        return LockFile(entries: entries)
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
