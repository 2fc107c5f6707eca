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

@Test func stringsWithAndWithoutEscapesParseAlike() throws {
    let v = try JSONParser.parse(#"["plain", "tab\there", "\u00e9t\u00e9", "ok\/slash", "", "日本"]"#)
    #expect(v == .array([.string("plain"), .string("tab\there"), .string("été"), .string("ok/slash"), .string(""), .string("日本")]))
    for (text, message) in [("[\"a\u{01}b\"]", "1:4: control character in string"), ("[\"abc", "1:2: unterminated string"),
                            ("[\"ab\\q\"]", "1:5: invalid escape '\\q'")] {
        do { _ = try JSONParser.parse(text); Issue.record("accepted \(text)") } catch let e as JSONSyntaxError {
            #expect(e.description == message)
        }
    }
    do { _ = try JSONParser.parse(Data([0x5B, 0x22, 0xFF, 0x22, 0x5D])); Issue.record("accepted bad UTF-8") } catch let e as JSONSyntaxError {
        #expect(e.description == "1:2: invalid UTF-8 in string")
    }
}

@Test func duplicateKeysAreFoundInLargeObjects() throws {
    // Objects past 16 members switch to a set: duplicates must be caught on both sides of the switch.
    for dup in [3, 15, 16, 17, 39] {
        let members = (0..<40).map { "\"k\($0)\": \($0)" } + ["\"k\(dup)\": 0"]
        do { _ = try JSONParser.parse("{" + members.joined(separator: ", ") + "}"); Issue.record("accepted duplicate k\(dup)") }
        catch let e as JSONSyntaxError { #expect(e.message == "duplicate key 'k\(dup)'") }
    }
    let v = try JSONParser.parse("{" + (0..<40).map { "\"k\($0)\": \($0)" }.joined(separator: ", ") + "}")
    #expect(v.objectValue?.count == 40 && v["k39"] == .int(39))
}
