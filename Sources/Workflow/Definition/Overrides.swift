import Foundation

/// One `-S/--set` of `pipeline run`: a stage param (`STAGE.PARAM=VALUE`) or a
/// params-file key (`FILE:KEY=VALUE`), changed for this run only.
///
/// `STAGE` is an instance, a matrix template (every instance) or a glob over
/// instance names; `PARAM` is a dotted path into the stage's params (missing
/// objects on the way are created, so the kind's decoder reports an unknown
/// field as it would in pipeline.json). `VALUE` is JSON where it parses as
/// JSON, otherwise a string. Stage names may hold dots: the shortest prefix of
/// `STAGE.PARAM` that names a stage is the stage.
public struct ParamOverride: Sendable, Equatable {
    public enum Target: Sendable, Equatable {
        /// A stage target as written, with the param path after it.
        case stage(String, path: [String])
        /// A params file (relative to the project) and a dotted key in it.
        case paramsFile(String, key: String)
    }
    public let target: Target
    public let value: JSONValue
    /// The argument as given, for messages and the experiment record.
    public let text: String

    public init(target: Target, value: JSONValue, text: String) { self.target = target; self.value = value; self.text = text }

    /// Parses `LHS=VALUE`; the stage part is split from the param path later,
    /// when the stage names are known (`Target.stage` holds the whole LHS split at dots until then).
    public static func parse(_ text: String) throws -> ParamOverride {
        guard let eq = text.firstIndex(of: "=") else {
            throw PipelineError("-S \(text): expected STAGE.PARAM=VALUE or FILE:KEY=VALUE")
        }
        let lhs = String(text[..<eq]), raw = String(text[text.index(after: eq)...])
        let value = (try? JSONParser.parse(Data(raw.utf8))) ?? .string(raw)
        if let colon = lhs.firstIndex(of: ":") {
            let file = String(lhs[..<colon]), key = String(lhs[lhs.index(after: colon)...])
            guard !file.isEmpty, !key.isEmpty, !key.split(separator: ".", omittingEmptySubsequences: false).contains("") else {
                throw PipelineError("-S \(text): expected FILE:KEY=VALUE with a dotted KEY such as params.yaml:train.n_est=100")
            }
            return ParamOverride(target: .paramsFile(file, key: key), value: value, text: text)
        }
        let parts = lhs.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, !parts.contains("") else {
            throw PipelineError("-S \(text): expected STAGE.PARAM=VALUE (for example train.learningRate=0.05)")
        }
        return ParamOverride(target: .stage(lhs, path: []), value: value, text: text)
    }

    /// A copy with `value` replaced (one point of a sweep).
    public func with(value: JSONValue) -> ParamOverride {
        ParamOverride(target: target, value: value, text: Self.text(target, value))
    }

    static func text(_ target: Target, _ value: JSONValue) -> String {
        let v = value.stringValue ?? CanonicalJSON.string(value)
        switch target {
        case .stage(let lhs, let path): return (path.isEmpty ? lhs : ([lhs] + path).joined(separator: ".")) + "=" + v
        case .paramsFile(let f, let k): return "\(f):\(k)=\(v)"
        }
    }
}

/// Applying overrides where pipeline.json's values are: to the expanded stage
/// instances before their params are decoded (so they are validated exactly like
/// the file), and to a params file's document.
enum Overrides {
    /// `raw` with every stage override applied, in the order given (a later one wins).
    static func apply(_ overrides: [ParamOverride], to raw: [RawInstance], fail: (String) -> PipelineError) throws -> [RawInstance] {
        var out = raw
        for o in overrides {
            guard case .stage(let lhs, _) = o.target else { continue }
            let (matched, path) = try resolve(lhs, in: raw, text: o.text, fail: fail)
            for (i, r) in out.enumerated() where matched.contains(r.name) {
                let params = try set(r.params, path: path, to: o.value) { fail("stage '\(r.name)': params.\($0) (from -S \(o.text))") }
                out[i] = RawInstance(name: r.name, base: r.base, fromMatrix: r.fromMatrix, kindName: r.kindName, params: params, deps: r.deps,
                                     files: r.files, outs: r.outs, paramsFiles: r.paramsFiles, resources: r.resources)
            }
        }
        return out
    }

    /// The instances `lhs` names and the param path after the stage part: the
    /// shortest dotted prefix that is an instance, a template or a glob matching some instance.
    static func resolve(_ lhs: String, in raw: [RawInstance], text: String, fail: (String) -> PipelineError) throws -> (Set<String>, [String]) {
        let parts = lhs.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        for n in 1..<parts.count {
            let stage = parts[..<n].joined(separator: ".")
            var matched = Set(raw.filter { $0.name == stage || $0.base == stage }.map(\.name))
            if matched.isEmpty && Glob.isPattern(stage) { matched = Set(raw.map(\.name).filter { Glob.matches(stage, $0) }) }
            if !matched.isEmpty { return (matched, Array(parts[n...])) }
        }
        let shown = parts[0]
        var bases: [String] = []
        for r in raw where !bases.contains(r.base) { bases.append(r.base) }
        throw fail("-S \(text): unknown stage '\(shown)'" + (Glob.isPattern(shown) ? " (the pattern matches no stage)" : "")
                   + " (stages: \(bases.joined(separator: ", ")))")
    }

    /// `value` with `path` set to `new`; objects missing on the way are created.
    /// `fail` gets the dotted path and what was wrong when the path runs into a non-object.
    static func set(_ value: JSONValue, path: [String], to new: JSONValue, fail: (String) -> PipelineError) throws -> JSONValue {
        guard let first = path.first else { return new }
        guard case .object(var members) = value else {
            throw fail("\(path.joined(separator: ".")): cannot set a field inside \(value.kindDescription)")
        }
        let rest = Array(path.dropFirst())
        if let i = members.firstIndex(where: { $0.key == first }) {
            members[i].value = try set(members[i].value, path: rest, to: new) { fail("\(first).\($0)") }
        } else {
            members.append((first, try set(.object([]), path: rest, to: new) { fail("\(first).\($0)") }))
        }
        return .object(members)
    }

    /// A params file's document with the file's overrides applied; every key
    /// must already be in the file (a misspelt key would otherwise be read by nobody).
    static func apply(_ overrides: [ParamOverride], file: String, document: JSONValue) throws -> JSONValue {
        var doc = document
        for o in overrides {
            guard case .paramsFile(let f, let key) = o.target, f == file else { continue }
            guard ParamsFile.lookup(doc, key) != nil else { throw PipelineError("-S \(o.text): key '\(key)' not found in \(file)") }
            doc = try set(doc, path: key.split(separator: ".").map(String.init), to: o.value) {
                PipelineError("-S \(o.text): \(file): \($0)")
            }
        }
        return doc
    }
}
