import Testing
import Foundation
@testable import Workflow

@Test func parsesAndKeepsOrder() throws {
    let v = try JSONParser.parse(#"{"b": 1, "a": [true, null, 2.5, "x\n\u00e9"], "c": {"z": -0.01}}"#)
    #expect(v.objectValue?.map(\.key) == ["b", "a", "c"])
    #expect(v["a"] == .array([.bool(true), .null, .double(2.5), .string("x\né")]))
    #expect(CanonicalJSON.string(v) == #"{"a":[true,null,2.5,"x\né"],"b":1,"c":{"z":-0.01}}"#)
}

@Test func syntaxErrorsGiveLineAndColumn() {
    #expect(throws: JSONSyntaxError.self) { try JSONParser.parse("{\n  \"a\": 1,\n  \"b\" 2\n}") }
    do { _ = try JSONParser.parse("{\n  \"a\": 1,\n  \"b\" 2\n}") } catch let e as JSONSyntaxError {
        #expect(e.description == "3:7: expected ':' after key 'b'")
    } catch { Issue.record("wrong error \(error)") }
    do { _ = try JSONParser.parse("{\"a\": 1, \"a\": 2}") } catch let e as JSONSyntaxError {
        #expect(e.description == "1:10: duplicate key 'a'")
    } catch { Issue.record("wrong error \(error)") }
    do { _ = try JSONParser.parse("[1, 2,]") } catch let e as JSONSyntaxError {
        #expect(e.description == "1:7: unexpected ']', expected a value")
    } catch { Issue.record("wrong error \(error)") }
}

@Test func canonicalFormIsStable() throws {
    let a = try JSONParser.parse(#"{"y": 1e-5, "x": 42, "w": 1.0}"#)
    let b = try JSONParser.parse(#"{"w":1.0,"x":42,"y":0.00001}"#)
    #expect(CanonicalJSON.string(a) == CanonicalJSON.string(b))
    #expect(CanonicalJSON.string(a) == #"{"w":1.0,"x":42,"y":1e-05}"#)
}
