import Foundation

/// One published output file: its content hash and size in bytes.
public struct OutputFile: Sendable, Equatable {
    public let hash: String
    public let size: Int
}

/// What the store remembers about one successful run, stored at `runs/<key>.json`
/// and copied into pipeline.lock.json (without its wall-clock and host facts).
/// Written last when publishing, so its presence means every object it names
/// was already in place.
public struct RunRecord: Sendable, Equatable {
    public var key: String { get { f.key } set { unique().key = newValue } }
    public var stage: String { get { f.stage } set { unique().stage = newValue } }
    public var kind: String { get { f.kind } set { unique().kind = newValue } }
    public var version: Int { get { f.version } set { unique().version = newValue } }
    public var params: JSONValue { get { f.params } set { unique().params = newValue } }
    /// Dependency instance name -> output file -> hash.
    public var inputs: [String: [String: String]] { get { f.inputs } set { unique().inputs = newValue } }
    /// Workspace file (relative path) -> hash, for a stage with `files` (empty otherwise, and then left out of the JSON).
    public var files: [String: String] { get { f.files } set { unique().files = newValue } }
    /// Params file -> chosen key -> value, for a stage with `paramsFiles` (left out of the JSON when empty).
    public var paramsFiles: [String: [String: JSONValue]] { get { f.paramsFiles } set { unique().paramsFiles = newValue } }
    public var outputs: [String: OutputFile] { get { f.outputs } set { unique().outputs = newValue } }
    /// The numerics identity in the key, for a `numeric` kind; nil otherwise.
    public var numerics: NumericsIdentity? { get { f.numerics } set { unique().numerics = newValue } }
    public var tool: String { get { f.tool } set { unique().tool = newValue } }
    /// ISO 8601 UTC start time.
    public var started: String { get { facts?.started ?? "" } set { uniqueFacts().started = newValue } }
    public var seconds: Double { get { facts?.seconds ?? 0 } set { uniqueFacts().seconds = newValue } }
    public var host: String { get { facts?.host ?? "" } set { uniqueFacts().host = newValue } }

    /// The results (every field but the run's time and host), in one box shared
    /// by copies until one of them changes (copy on write): the tables that
    /// hold a record per stage (the lock file's entries, a run's results, its
    /// evaluations) then keep a reference each instead of the record's ~200
    /// bytes, which at 100,000 stages was a fifth of a run's memory; and a
    /// record and its lock-file entry (`results`) share one box, so comparing
    /// them is one pointer compare. Never mutated while shared, so safe to send.
    private final class Fields: @unchecked Sendable {
        var key: String, stage: String, kind: String, version: Int, params: JSONValue
        var inputs: [String: [String: String]], files: [String: String] = [:], paramsFiles: [String: [String: JSONValue]] = [:]
        var outputs: [String: OutputFile], numerics: NumericsIdentity?
        var tool: String
        var entryTextDigest: RecordText.ResultsDigest?

        init(key: String, stage: String, kind: String, version: Int, params: JSONValue, inputs: [String: [String: String]],
             outputs: [String: OutputFile], numerics: NumericsIdentity?, tool: String) {
            self.key = key; self.stage = stage; self.kind = kind; self.version = version; self.params = params
            self.inputs = inputs; self.outputs = outputs; self.numerics = numerics; self.tool = tool
        }

        func copy() -> Fields {
            let c = Fields(key: key, stage: stage, kind: kind, version: version, params: params, inputs: inputs, outputs: outputs,
                           numerics: numerics, tool: tool)
            c.files = files; c.paramsFiles = paramsFiles
            return c
        }

        func equals(_ o: Fields) -> Bool {
            key == o.key && stage == o.stage && kind == o.kind && version == o.version && params == o.params && inputs == o.inputs
                && files == o.files && paramsFiles == o.paramsFiles && outputs == o.outputs && numerics == o.numerics && tool == o.tool
        }
    }
    private var f: Fields

    /// When and where it ran, in a box of its own (nil: none, as in a lock-file
    /// entry), so a record and its entry share `f`, and a table of records
    /// holds two references per stage.
    private final class RunFacts: @unchecked Sendable {
        var started = "", seconds = 0.0, host = ""
        func copy() -> RunFacts { let c = RunFacts(); c.started = started; c.seconds = seconds; c.host = host; return c }
    }
    private var facts: RunFacts?

    private mutating func uniqueFacts() -> RunFacts {
        if facts == nil { facts = RunFacts() } else if !isKnownUniquelyReferenced(&facts) { facts = facts!.copy() }
        return facts!
    }

    private mutating func unique() -> Fields {
        if !isKnownUniquelyReferenced(&f) { f = f.copy() }
        f.entryTextDigest = nil  // about to change: the text it was read from no longer describes it
        return f
    }

    /// For a record read from a lock-file entry: `RecordText.resultsDigest` of
    /// that entry's text (kept in the shared box: a table beside the entries cost
    /// 12 MB at 100,000 stages). Dropped when a field changes; not part of equality.
    var entryTextDigest: RecordText.ResultsDigest? {
        get { f.entryTextDigest }
        set { if !isKnownUniquelyReferenced(&f) { f = f.copy() }; f.entryTextDigest = newValue }
    }

    public static func == (a: RunRecord, b: RunRecord) -> Bool {
        a.started == b.started && a.seconds == b.seconds && a.host == b.host && (a.f === b.f || a.f.equals(b.f))
    }

    /// Which facts a serialised record keeps.
    public enum Facts: Sendable {
        /// Everything: the store's run record.
        case all
        /// What made the bytes, nothing of when or where (`started`, `seconds`,
        /// `host` left out): pipeline.lock.json, so the same results give the
        /// same file on every host and branch.
        case results
    }

    /// The record as JSON.
    public func json(_ facts: Facts = .all) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("key", .string(key)), ("stage", .string(stage)), ("kind", .string(kind)), ("version", .int(version)),
            ("params", params),
            ("inputs", .object(inputs.map { ($0.key, .object($0.value.map { ($0.key, .string($0.value)) })) })),
        ]
        if !files.isEmpty { members.append(("files", .object(files.map { ($0.key, .string($0.value)) }))) }
        if !paramsFiles.isEmpty { members.append(("paramsFiles", ParamsFile.json(paramsFiles))) }
        members += [
            ("outputs", .object(outputs.map { ($0.key, .object([("hash", .string($0.value.hash)), ("size", .int($0.value.size))])) })),
            ("tool", .string(tool)),
        ]
        if let numerics { members.append(("numerics", numerics.json)) }
        if case .all = facts {
            members += [("started", .string(started)), ("seconds", .double(seconds)), ("host", .string(host))]
        }
        return .object(members)
    }

    /// This record as the lock file keeps it: equal for the same results on any host.
    public var results: RunRecord {
        var r = self  // shares the fields
        r.dropRunFacts()
        return r
    }

    /// Whether it holds when and where it ran (a lock-file entry does not).
    public var hasRunFacts: Bool { facts != nil }

    /// Makes this record its `results`, in place.
    public mutating func dropRunFacts() { facts = nil }

    /// Parses a record file's bytes; nil when they are not JSON or not a record (`read`).
    public init?(text: [UInt8]) {
        guard let r = try? JSONParser.read(text, { try RunRecord.read(&$0) }) else { return nil }
        self = r
    }

    /// Reads a record (an object, `json(_:)`'s form, members in any order)
    /// straight from the parser: nil when a field is missing; a field of
    /// another type throws `JSONTypeMismatch`; unknown members are skipped.
    /// Only params (and numerics, paramsFiles) become `JSONValue` trees: a
    /// no-op run reads a lock-file entry or a record per stage.
    static func read(_ p: inout JSONParser) throws -> RunRecord? {
        var key: String?, stage: String?, kind: String?, version: Int?, params: JSONValue?, tool: String?
        var inputs: [String: [String: String]]?, outputs: [String: OutputFile]?
        var started = "", host = "", seconds = 0.0  // absent from lock-file entries
        var numerics: NumericsIdentity?
        var files: [String: String] = [:], paramsFiles: [String: [String: JSONValue]] = [:]
        var malformed = false
        try p.readMembers { p, name in
            switch name {
            case "key": key = try p.readString()
            case "stage": stage = try p.readString()
            case "kind": kind = try p.readString()
            case "version": version = try p.readInt()
            case "params": params = try p.readValue()
            case "tool": tool = try p.readString()
            case "started": if case .string(let s) = try p.readValue() { started = s }
            case "host": if case .string(let s) = try p.readValue() { host = s }
            case "seconds": seconds = try p.readNumber()
            case "inputs":
                var table: [String: [String: String]] = [:]
                try p.readMembers { p, dep in table[dep] = try stringTable(&p) }
                inputs = table
            case "outputs":
                var table: [String: OutputFile] = [:]
                try p.readMembers { p, file in
                    var hash: String?, size: Int?
                    try p.readMembers { p, field in
                        switch field {
                        case "hash": hash = try p.readString()
                        case "size": size = try p.readInt()
                        default: _ = try p.readValue()
                        }
                    }
                    if let hash, let size { table[file] = OutputFile(hash: hash, size: size) } else { malformed = true }
                }
                outputs = table
            case "numerics": if let id = NumericsIdentity(json: try p.readValue()) { numerics = id } else { malformed = true }
            case "files": files = try stringTable(&p)
            case "paramsFiles":
                try p.readMembers { p, file in
                    guard case .object(let chosen) = try p.readValue() else { malformed = true; return }
                    paramsFiles[file] = Dictionary(chosen.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
                }
            default: _ = try p.readValue()
            }
        }
        guard !malformed, let key, let stage, let kind, let version, let params, let inputs, let outputs, let tool else { return nil }
        var r = RunRecord(key: key, stage: stage, kind: kind, version: version, params: params, inputs: inputs, outputs: outputs,
                          numerics: numerics, started: started, seconds: seconds, tool: tool, host: host)
        if !files.isEmpty { r.files = files }
        if !paramsFiles.isEmpty { r.paramsFiles = paramsFiles }
        return r
    }

    /// An object of strings as a table.
    private static func stringTable(_ p: inout JSONParser) throws -> [String: String] {
        var m: [String: String] = [:]
        try p.readMembers { p, k in m[k] = try p.readString() }
        return m
    }

    public init(key: String, stage: String, kind: String, version: Int, params: JSONValue, inputs: [String: [String: String]],
                outputs: [String: OutputFile], numerics: NumericsIdentity? = nil, started: String, seconds: Double,
                tool: String, host: String) {
        f = Fields(key: key, stage: stage, kind: kind, version: version, params: params, inputs: inputs, outputs: outputs,
                   numerics: numerics, tool: tool)
        if !started.isEmpty || seconds != 0 || !host.isEmpty { self.started = started; self.seconds = seconds; self.host = host }
    }
}
