import Hashing

/// The cache key of a stage: SHA-256 (hex) of the canonical JSON of
/// `{"inputs": {dep: {file: hash}}, "kind", "params", "version"}`, plus
/// `"numerics": {...}` for a kind that does floating-point work,
/// `"files": {path: hash}` for a stage that reads workspace files,
/// `"paramsFiles": {file: {key: value}}` and `"outs": [path]` (each left out
/// when empty, so the keys of stages without them are what they always were).
///
/// Inputs enter by content hash, so a dependency that reran but wrote the same
/// bytes leaves the key unchanged (early cutoff). A kind without `numerics`
/// has the key it had before numerics identities existed.
public enum CacheKey {
    public static func compute(kind: String, version: Int, params: JSONValue, inputs: [String: [String: String]],
                               numerics: NumericsIdentity? = nil, files: [String: String] = [:],
                               paramsFiles: [String: [String: JSONValue]] = [:], outs: [String] = []) -> String {
        var members: [(key: String, value: JSONValue)] = [
            ("kind", .string(kind)), ("version", .int(version)), ("params", params),
            ("inputs", .object(inputs.map { ($0.key, .object($0.value.map { ($0.key, .string($0.value)) })) })),
        ]
        if let numerics { members.append(("numerics", numerics.json)) }
        if !files.isEmpty { members.append(("files", .object(files.map { ($0.key, .string($0.value)) }))) }
        if !paramsFiles.isEmpty { members.append(("paramsFiles", ParamsFile.json(paramsFiles))) }
        if !outs.isEmpty { members.append(("outs", .array(outs.map { .string($0) }))) }
        let value: JSONValue = .object(members)
        return SHA256.hash(CanonicalJSON.string(value)).hex
    }
}
