import Foundation
import Hashing

/// `pipeline.lock.json` beside pipeline.json: for every stage that has run, the
/// record of its current result (key, params, input and output hashes, numerics,
/// tool version; no start time, duration or host: those stay in the store's run
/// records). Volatile outputs (`StageKind.volatileOutputs`, say a file of
/// times) are left out too: their hashes are wall-clock values in disguise.
/// Keys sorted, two-space indentation: the same results give the same bytes on
/// every host and branch. Written atomically, and only when its content changes.
///
/// Memory: neither reading nor writing keeps the file's bytes. `read` keeps
/// their size and SHA-256 (`onDisk`); `write` encodes and compares one entry
/// at a time (at 100,000 stages the file is about 48 MB).
public struct LockFile: Sendable {
    /// Entries read from the file carry the digest of their text
    /// (`RunRecord.entryTextDigest`): what lets the planner check a cached
    /// stage's record against its entry without parsing the record.
    public var entries: [String: RunRecord]
    /// Stage -> its volatile outputs, left out of the file.
    public var volatile: [String: Set<String>]
    /// What `read` parsed (nil when built in memory or the file was absent),
    /// so a later look can tell whether the file changed without parsing it again.
    public var onDisk: Snapshot? = nil

    /// The size and SHA-256 of the bytes a lock file was read from (the
    /// digest is what the store's note names, `LockVerification`), and the
    /// file's `StatCache.signature` when it had settled (unchanged for a
    /// second before the read, and during it: an unchanged stat then stands
    /// for unchanged bytes).
    public struct Snapshot: Sendable, Equatable {
        public let size: Int
        public var digest: Digest
        public var signature: [JSONValue]? = nil
        /// The store `read` was given had a note for these bytes: its entries
        /// then stand for their records (`Planner.lockVerified`) and carry no text digest.
        public var noted = false
    }

    public init(entries: [String: RunRecord], volatile: [String: Set<String>] = [:], onDisk: Snapshot? = nil) {
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
    /// With `store`, when its note (`LockVerification`) holds for these bytes,
    /// the entries get no text digest: the planner will not compare records.
    public static func read(root: URL, store: Store? = nil) throws -> LockFile {
        let u = url(root: root)
        let before = StatCache.signature(u.path)
        guard let data = try? WholeFile.read(u.path) else { return LockFile(entries: [:]) }
        // About 4 ms for 10,000 entries: what the note is checked against.
        var snapshot = Snapshot(size: data.count, digest: SHA256.hash(data))
        // Timestamps tick coarsely (a few ms): a file written just before it was
        // read could be written again with the same stat, so only an older one counts.
        if let before, before == StatCache.signature(u.path), case .int(let mtime) = before[3],
           Double(mtime) / 1e9 < Date().timeIntervalSince1970 - 1 { snapshot.signature = before }
        snapshot.noted = store.map { LockVerification.holds(digest: snapshot.digest, root: root, store: $0) } ?? false
        var entries: [String: RunRecord] = [:]
        let json: JSONValue
        do {
            // Entry by entry: the tree of the whole file would be twice its size again.
            json = try JSONParser.read(data, streaming: ["stages"], { name, parser in
                let start = parser.offset
                let read: RunRecord?
                do { read = try RunRecord.read(&parser) } catch is JSONTypeMismatch { read = nil }
                guard var entry = read else {
                    throw PipelineError("pipeline.lock.json: stages.\(name): malformed entry (delete the file to rebuild it)")
                }
                entry.dropRunFacts()  // in place: the only reference to its fields, so setting the digest copies nothing
                if !snapshot.noted { entry.entryTextDigest = RecordText.resultsDigest(entry: data[start..<parser.offset]) }
                entries[name] = entry
            })
        } catch let e as JSONSyntaxError {
            throw PipelineError("pipeline.lock.json:\(e.line):\(e.column): \(e.message) (delete the file to rebuild it)")
        }
        guard json["stages"]?.objectValue != nil else {
            throw PipelineError("pipeline.lock.json: expected an object with 'stages' (delete the file to rebuild it)")
        }
        return LockFile(entries: entries, onDisk: snapshot)
    }

    /// Whether the file at `root` still holds exactly the bytes this value was read
    /// from (by its settled stat signature, else by size, then SHA-256 streamed
    /// from the file; with a signature, a touched file counts as changed); for a value not read
    /// from disk, whether there is still no readable file.
    public func isCurrent(root: URL) -> Bool {
        let path = Self.url(root: root).path
        var st = stat()
        guard let onDisk else { return stat(path, &st) != 0 || access(path, R_OK) != 0 }
        guard stat(path, &st) == 0, Int(st.st_size) == onDisk.size else { return false }
        // Settled: a changed stat is taken for changed bytes (the caller then reads the file again).
        if let signature = onDisk.signature { return StatCache.signature(path) == signature }
        return (try? SHA256.hash(fileAt: URL(fileURLWithPath: path, isDirectory: false))) == onDisk.digest
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

    /// The file's bytes: `CanonicalJSON.data` of `{"stages": {name: entry}, "version": 2}`, pretty.
    public func data() -> Data {
        var all = Data()
        encode { all.append(contentsOf: $0) }
        return all
    }

    /// Produces `data()` in pieces of about 64 KB, in order. Each entry's JSON
    /// tree is built, encoded and dropped in turn: the bytes are those of
    /// `CanonicalJSON.data` of the whole tree (stages sorted the same way, the
    /// same indentation), without that tree or the whole text in memory.
    func encode(_ sink: ([UInt8]) throws -> Void) rethrows {
        let piece = 1 << 16
        var out: [UInt8] = []
        out.reserveCapacity(piece + 4096)
        // Top-level keys sorted: "stages" before "version".
        out.append(contentsOf: "{\n  \"stages\": {".utf8)
        let names = entries.keys.sorted(by: CanonicalJSON.keyPrecedes)
        for (i, name) in names.enumerated() {
            out.append(contentsOf: (i == 0 ? "\n    " : ",\n    ").utf8)
            CanonicalJSON.appendQuoted(name, to: &out)
            out.append(contentsOf: ": ".utf8)
            CanonicalJSON.append(kept(name, entries[name]!).json(.results), to: &out, pretty: true, indent: 2)
            if out.count >= piece { try sink(out); out.removeAll(keepingCapacity: true) }
        }
        out.append(contentsOf: (names.isEmpty ? "}" : "\n  }").utf8)
        out.append(contentsOf: ",\n  \"version\": 2\n}\n".utf8)
        try sink(out)
    }

    /// Writes when the bytes differ from what is on disk (compared piece by
    /// piece with the file, then encoded again into the new file); returns whether it wrote.
    @discardableResult
    public func write(root: URL) throws -> Bool { try save(root: root).wrote }

    /// `write(root:)`, also giving the SHA-256 of the file's bytes after it
    /// (those written, or those found equal), hashed as they are encoded.
    public func save(root: URL) throws -> (wrote: Bool, digest: Digest) {
        let u = Self.url(root: root)
        let comparison = FileComparison(path: u.path)
        struct Differs: Error {}
        var hasher = SHA256Hasher()
        do { try encode { comparison.feed($0); hasher.update($0); if comparison.hasDiffered { throw Differs() } } } catch is Differs {}
        if comparison.matches { return (false, hasher.finalize()) }
        hasher = SHA256Hasher()
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let file = try AtomicFile(destination: u)
        try encode { try file.write($0); hasher.update($0) }
        try file.commit()
        return (true, hasher.finalize())
    }
}
