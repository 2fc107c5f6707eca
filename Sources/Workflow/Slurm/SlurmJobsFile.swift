import Foundation

/// `<store>/slurm/jobs.json`: the Slurm job of every stage submitted into this
/// store, the latest submission per stage, sorted by stage name.
///
/// Written atomically (temp file + rename); submitters merge their entries
/// with `record`, under the store's meta lock, so two submitting at once keep
/// both sets. Read by `pipeline status` without the lock (the rename shows it
/// the old file or the new). Job ids are Slurm's: `123`, or `123_4` for task 4
/// of array job 123.
public struct SlurmJobsFile: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var stage: String
        public var job: String
        public var log: String
        /// ISO 8601 UTC time of submission.
        public var submitted: String
        public init(stage: String, job: String, log: String, submitted: String) {
            self.stage = stage; self.job = job; self.log = log; self.submitted = submitted
        }
    }

    public var entries: [String: Entry]

    public init(entries: [String: Entry] = [:]) { self.entries = entries }

    public static func url(store: Store) -> URL {
        store.root.appendingPathComponent("slurm").appendingPathComponent("jobs.json")
    }

    /// The file's entries; an absent file is empty, a malformed one an error naming the field.
    public static func read(store: Store) throws -> SlurmJobsFile {
        let url = url(store: store)
        guard let data = try? WholeFile.read(url.path) else { return SlurmJobsFile() }
        let json: JSONValue
        do { json = try JSONParser.parse(data) } catch { throw SlurmError("\(url.path): \(error)") }
        guard let list = json["jobs"]?.arrayValue else {
            throw SlurmError("\(url.path): jobs: expected an array of {stage, job, log, submitted}")
        }
        var entries: [String: Entry] = [:]
        for (i, item) in list.enumerated() {
            func field(_ name: String) throws -> String {
                guard let s = item[name]?.stringValue else { throw SlurmError("\(url.path): jobs[\(i)].\(name): expected a string") }
                return s
            }
            let e = Entry(stage: try field("stage"), job: try field("job"), log: try field("log"), submitted: try field("submitted"))
            entries[e.stage] = e
        }
        return SlurmJobsFile(entries: entries)
    }

    public var json: JSONValue {
        .object([("jobs", .array(entries.sorted { $0.key < $1.key }.map { _, e in
            .object([("stage", .string(e.stage)), ("job", .string(e.job)), ("log", .string(e.log)), ("submitted", .string(e.submitted))])
        }))])
    }

    /// Adds `entries` (replacing earlier ones of the same stages) to the file
    /// under the lock: read, merge and write as one step against other submitters.
    public static func record(_ entries: [Entry], store: Store, message: (String) -> Void = { _ in }) throws {
        try FileManager.default.createDirectory(at: store.root, withIntermediateDirectories: true)
        try store.withMetaLock(message: message) {
            var file = try read(store: store)
            for e in entries { file.entries[e.stage] = e }
            try file.write(store: store)
        }
    }

    public func write(store: Store) throws {
        try AtomicFile.write(CanonicalJSON.data(json, pretty: true), to: Self.url(store: store))
    }
}
