import Hashing

/// The cache key of a stage: SHA-256 (hex) of the canonical JSON of
/// `{"inputs": {dep: {file: hash}}, "kind", "params", "version"}`.
///
/// Inputs enter by content hash, so a dependency that reran but wrote the same
/// bytes leaves the key unchanged (early cutoff).
public enum CacheKey {
    public static func compute(kind: String, version: Int, params: JSONValue, inputs: [String: [String: String]]) -> String {
        let value: JSONValue = .object([
            ("kind", .string(kind)), ("version", .int(version)), ("params", params),
            ("inputs", .object(inputs.map { ($0.key, .object($0.value.map { ($0.key, .string($0.value)) })) })),
        ])
        return SHA256.hash(CanonicalJSON.string(value)).hex
    }
}
