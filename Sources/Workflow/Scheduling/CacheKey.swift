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
        // The canonical text of that object, written member by member in its
        // sorted key order (files, inputs, kind, numerics, outs, params,
        // paramsFiles, version), not built as a tree and sorted: a no-op run
        // computes one key per stage. `aKeyIsTheHashOfTheCanonicalObject` checks
        // that against `CanonicalJSON` of the object.
        var out: [UInt8] = []
        out.reserveCapacity(512)
        out.append(UInt8(ascii: "{"))
        func member(_ name: String, _ value: JSONValue) {
            if out.count > 1 { out.append(UInt8(ascii: ",")) }
            CanonicalJSON.appendQuoted(name, to: &out)
            out.append(UInt8(ascii: ":"))
            CanonicalJSON.append(value, to: &out, pretty: false, indent: 0)
        }
        if !files.isEmpty { member("files", .object(files.map { ($0.key, .string($0.value)) })) }
        member("inputs", .object(inputs.map { ($0.key, .object($0.value.map { ($0.key, .string($0.value)) })) }))
        member("kind", .string(kind))
        if let numerics { member("numerics", numerics.json) }
        if !outs.isEmpty { member("outs", .array(outs.map { .string($0) })) }
        member("params", params)
        if !paramsFiles.isEmpty { member("paramsFiles", ParamsFile.json(paramsFiles)) }
        member("version", .int(version))
        out.append(UInt8(ascii: "}"))
        return SHA256.hash(out).hex
    }
}
