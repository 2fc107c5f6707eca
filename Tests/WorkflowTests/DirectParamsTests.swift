import Testing
import Foundation
@testable import Workflow

// `StageKind.decodeDirect` feeds cache keys: for every shape it accepts it must
// give exactly what the Codable path (JSONDecoder, JSONEncoder, re-parse) gives.

@Test(arguments: [
    #"{"files": {"out.txt": "i=1 j=2\n"}}"#,
    #"{"files": {"b/x.txt": "\u00e9 \u0001 \"q\" \\ / \ud83d\ude00", "a.txt": "", "Z.txt": "z", "\u00e9.txt": "1", "e.txt": "2"}}"#,
    #"{"files": {}}"#,
])
func writeDecodesDirectlyAsCodableDoes(text: String) throws {
    let value = try JSONParser.parse(text)
    let direct = try #require(WriteKind.decodeDirect(value))
    let codable = try ParamsCodec.canonical(WriteKind.Params.self, from: value, fields: ParamProbe.fields(of: WriteKind.Params.self))
    #expect(CanonicalJSON.string(direct.canonical) == CanonicalJSON.string(codable))
    #expect(direct.canonical.objectValue?.map(\.key) == ["files"])
    let decoded = try JSONDecoder().decode(WriteKind.Params.self, from: CanonicalJSON.data(codable))
    #expect(direct.params.files == decoded.files)
    #expect(try RegisteredKind(WriteKind.self).canonicalParams(value) == direct.canonical)
}

@Test(arguments: [#"{"files": {"a": 1}}"#, #"{"files": "x"}"#, #"{"files": {}, "extra": 1}"#, #"[]"#, #"{}"#, #"{"file": {}}"#])
func writeLeavesOtherShapesToCodable(text: String) throws {
    #expect(WriteKind.decodeDirect(try JSONParser.parse(text)) == nil)
}
