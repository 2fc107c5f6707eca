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
    /// ISO 8601 UTC start time.
    public var started: String { get { f.started } set { unique().started = newValue } }
    public var seconds: Double { get { f.seconds } set { unique().seconds = newValue } }
    public var tool: String { get { f.tool } set { unique().tool = newValue } }
    public var host: String { get { f.host } set { unique().host = newValue } }

    /// The fields, in one box shared by copies until one of them changes (copy
    /// on write): the tables that hold a record per stage (the lock file's
    /// entries, a run's results, its evaluations) then keep a reference each
    /// instead of the record's ~200 bytes, which at 100,000 stages was a fifth
    /// of a run's memory. Never mutated while shared, so safe to send.
    private final class Fields: @unchecked Sendable {
        var key: String, stage: String, kind: String, version: Int, params: JSONValue
        var inputs: [String: [String: String]], files: [String: String] = [:], paramsFiles: [String: [String: JSONValue]] = [:]
        var outputs: [String: OutputFile], numerics: NumericsIdentity?
        var started: String, seconds: Double, tool: String, host: String

        init(key: String, stage: String, kind: String, version: Int, params: JSONValue, inputs: [String: [String: String]],
             outputs: [String: OutputFile], numerics: NumericsIdentity?, started: String, seconds: Double, tool: String, host: String) {
            self.key = key; self.stage = stage; self.kind = kind; self.version = version; self.params = params
            self.inputs = inputs; self.outputs = outputs; self.numerics = numerics; self.started = started; self.seconds = seconds
            self.tool = tool; self.host = host
        }

        func copy() -> Fields {
            let c = Fields(key: key, stage: stage, kind: kind, version: version, params: params, inputs: inputs, outputs: outputs,
                           numerics: numerics, started: started, seconds: seconds, tool: tool, host: host)
            c.files = files; c.paramsFiles = paramsFiles
            return c
        }

        func equals(_ o: Fields) -> Bool {
            key == o.key && stage == o.stage && kind == o.kind && version == o.version && params == o.params && inputs == o.inputs
                && files == o.files && paramsFiles == o.paramsFiles && outputs == o.outputs && numerics == o.numerics
                && started == o.started && seconds == o.seconds && tool == o.tool && host == o.host
        }
    }
    private var f: Fields

    private mutating func unique() -> Fields {
        if !isKnownUniquelyReferenced(&f) { f = f.copy() }
        return f
    }

    public static func == (a: RunRecord, b: RunRecord) -> Bool { a.f === b.f || a.f.equals(b.f) }

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
        if started.isEmpty && seconds == 0 && host.isEmpty { return self }  // shares the fields, no copy
        var r = self
        r.started = ""; r.seconds = 0; r.host = ""
        return r
    }

    /// Reads a record back; nil when a field is missing or mistyped (treated as no record).
    public init?(json v: JSONValue) {
        guard let key = v["key"]?.stringValue, let stage = v["stage"]?.stringValue, let kind = v["kind"]?.stringValue,
              let version = v["version"]?.intValue, let params = v["params"],
              let inputsObj = v["inputs"]?.objectValue, let outputsObj = v["outputs"]?.objectValue,
              let tool = v["tool"]?.stringValue else { return nil }
        var inputs: [String: [String: String]] = [:]
        for i in inputsObj {
            guard let files = i.value.objectValue else { return nil }
            var m: [String: String] = [:]
            for f in files { guard let h = f.value.stringValue else { return nil }; m[f.key] = h }
            inputs[i.key] = m
        }
        var outputs: [String: OutputFile] = [:]
        for o in outputsObj {
            guard let h = o.value["hash"]?.stringValue, let s = o.value["size"]?.intValue else { return nil }
            outputs[o.key] = OutputFile(hash: h, size: s)
        }
        // Wall-clock facts are absent from lock-file entries.
        let seconds: Double
        switch v["seconds"] { case .double(let d)?: seconds = d; case .int(let i)?: seconds = Double(i); case nil: seconds = 0; default: return nil }
        var numerics: NumericsIdentity? = nil
        if let n = v["numerics"] { guard let id = NumericsIdentity(json: n) else { return nil }; numerics = id }
        self.init(key: key, stage: stage, kind: kind, version: version, params: params, inputs: inputs, outputs: outputs,
                  numerics: numerics, started: v["started"]?.stringValue ?? "", seconds: seconds, tool: tool,
                  host: v["host"]?.stringValue ?? "")
        var files: [String: String] = [:]
        if let f = v["files"] {
            guard let members = f.objectValue else { return nil }
            for m in members { guard let h = m.value.stringValue else { return nil }; files[m.key] = h }
        }
        self.files = files
        if let p = v["paramsFiles"] {
            guard let filesObj = p.objectValue else { return nil }
            for f in filesObj {
                guard let keys = f.value.objectValue else { return nil }
                paramsFiles[f.key] = Dictionary(keys.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            }
        }
    }

    public init(key: String, stage: String, kind: String, version: Int, params: JSONValue, inputs: [String: [String: String]],
                outputs: [String: OutputFile], numerics: NumericsIdentity? = nil, started: String, seconds: Double,
                tool: String, host: String) {
        f = Fields(key: key, stage: stage, kind: kind, version: version, params: params, inputs: inputs, outputs: outputs,
                   numerics: numerics, started: started, seconds: seconds, tool: tool, host: host)
    }
}
