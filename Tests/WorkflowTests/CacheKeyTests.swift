import Testing
import Foundation
import Hashing
@testable import Workflow

/// The key as the type documents it: SHA-256 of the canonical JSON of the whole object.
private func reference(kind: String, version: Int, params: JSONValue, inputs: [String: [String: String]],
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
    return SHA256.hash(CanonicalJSON.string(.object(members))).hex
}

/// `compute` writes the object member by member; the bytes must be those of the canonical object, with every optional member.
@Test func aKeyIsTheHashOfTheCanonicalObject() throws {
    let params = try JSONParser.parse(#"{"z": [1, 2.5, "t\"ab\u00e9"], "a": {"y": null, "b": true}, "é": "x"}"#)
    let numerics = try #require(NumericsIdentity(json: .object([("blas", .string("OpenBLAS 0.3.21")), ("kernel", .string("Haswell"))])))
    let inputs = ["dep@b": ["out.txt": "h1", "a.bin": "h2"], "dep@a": [:]]
    let cases: [(String, String)] = [
        (CacheKey.compute(kind: "k", version: 3, params: params, inputs: [:]),
         reference(kind: "k", version: 3, params: params, inputs: [:])),
        (CacheKey.compute(kind: "k\"q", version: -1, params: .object([]), inputs: inputs, numerics: numerics),
         reference(kind: "k\"q", version: -1, params: .object([]), inputs: inputs, numerics: numerics)),
        (CacheKey.compute(kind: "k", version: 1, params: params, inputs: inputs, numerics: numerics, files: ["data/x.csv": "h3", "a": "h4"],
                          paramsFiles: ["params.yaml": ["prepare.seed": .int(4), "a.b": .string("v")]], outs: ["out/b", "out/a"]),
         reference(kind: "k", version: 1, params: params, inputs: inputs, numerics: numerics, files: ["data/x.csv": "h3", "a": "h4"],
                   paramsFiles: ["params.yaml": ["prepare.seed": .int(4), "a.b": .string("v")]], outs: ["out/b", "out/a"])),
    ]
    for (computed, expected) in cases { #expect(computed == expected) }
    // Keys of the committed study's kinds are what they were: a fixed text, a fixed key.
    #expect(CacheKey.compute(kind: "write", version: 1, params: .object([("files", .object([("out.txt", .string("a\n"))]))]), inputs: [:])
            == SHA256.hash(#"{"inputs":{},"kind":"write","params":{"files":{"out.txt":"a\n"}},"version":1}"#).hex)
}
