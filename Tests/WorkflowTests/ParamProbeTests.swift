import Testing
@testable import Workflow

/// The probe finds every top-level field, also past an enum-typed one.
@Suite struct ParamProbeTests {
    struct Params: Codable {
        enum Mode: String, Codable, CaseIterable { case fast, exact }
        struct Inner: Codable { var x: Int }
        var mode: Mode
        var count: Int
        var inner: Inner
        var modes: [Mode]
        var rate: Double?
    }

    @Test func fieldsAfterAnEnumAreFound() {
        #expect(ParamProbe.fields(of: Params.self) == [
            ParamField(name: "mode", type: "one of fast, exact", optional: false),
            ParamField(name: "count", type: "integer", optional: false),
            ParamField(name: "inner", type: "Inner", optional: false),
            ParamField(name: "modes", type: "array", optional: false),
            ParamField(name: "rate", type: "number", optional: true),
        ])
    }

    @Test func aFractionForAnIntegerAfterAnEnumNamesTheField() throws {
        let value = try JSONParser.parse(#"{"mode": "fast", "count": 2.5, "inner": {"x": 1}, "modes": []}"#)
        let error = try #require(throws: ParamsError.self) {
            try ParamsCodec.canonical(Params.self, from: value, fields: ParamProbe.fields(of: Params.self))
        }
        #expect(error.description == "params.count: expected an integer, found a number")
    }
}
