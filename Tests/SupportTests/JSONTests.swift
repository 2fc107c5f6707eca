import Testing
import Foundation
import Support

@Test func parsesAndKeepsOrder() throws {
    let v = try JSONParser.parse(#"{"b": 1, "a": [true, null, 2.5, "x\n\u00e9"], "c": {"z": -0.01}}"#)
    #expect(v.objectValue?.map(\.key) == ["b", "a", "c"])
    #expect(v["a"] == .array([.bool(true), .null, .double(2.5), .string("x\né")]))
    #expect(CanonicalJSON.string(v) == #"{"a":[true,null,2.5,"x\né"],"b":1,"c":{"z":-0.01}}"#)
}

/// The error `text` is rejected with, or nil when it parses (so a test of a
/// rejection fails when the parser accepts).
func syntaxError(_ text: String) -> String? {
    do { _ = try JSONParser.parse(text); return nil } catch let e as JSONSyntaxError { return e.description } catch {
        return "not a JSONSyntaxError: \(error)"
    }
}

@Test func syntaxErrorsGiveLineAndColumn() {
    #expect(syntaxError("{\n  \"a\": 1,\n  \"b\" 2\n}") == "3:7: expected ':' after key 'b'")
    #expect(syntaxError("{\"a\": 1, \"a\": 2}") == "1:10: duplicate key 'a'")
    #expect(syntaxError("[1, 2,]") == "1:7: unexpected ']', expected a value")
    #expect(syntaxError("{\"a\": 1,}") == "1:9: expected a string key")
    #expect(syntaxError("{\"a\": 1} x") == "1:10: unexpected 'x' after the JSON value")
    #expect(syntaxError("[01]") == "1:2: leading zero in number")
    #expect(syntaxError("") == "1:1: unexpected end of input, expected a value")
}

@Test func canonicalFormIsStable() throws {
    let a = try JSONParser.parse(#"{"y": 1e-5, "x": 42, "w": 1.0}"#)
    let b = try JSONParser.parse(#"{"w":1.0,"x":42,"y":0.00001}"#)
    #expect(CanonicalJSON.string(a) == CanonicalJSON.string(b))
    #expect(CanonicalJSON.string(a) == #"{"w":1.0,"x":42,"y":1e-05}"#)
}

/// Keys sort by their UTF-8 bytes, prefixes first; canonically equivalent keys
/// (é precomposed, and e with a combining accent) stay two keys in byte order.
@Test func keysSortByTheirUTF8Bytes() throws {
    let keys = ["é", "e\u{301}", "b", "ab", "a", "", "Z", "日本", "\u{7F}"]
    let sorted = keys.sorted(by: CanonicalJSON.keyPrecedes)
    #expect(sorted == keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    #expect(sorted == ["", "Z", "a", "ab", "b", "e\u{301}", "\u{7F}", "é", "日本"])
    // Escaped and plain strings alike.
    #expect(CanonicalJSON.string(.object([("q\"", .string("tab\t")), ("p", .string("plain"))])) == #"{"p":"plain","q\"":"tab\t"}"#)
}

@Test func stringsWithAndWithoutEscapesParseAlike() throws {
    let v = try JSONParser.parse(#"["plain", "tab\there", "\u00e9t\u00e9", "ok\/slash", "", "日本"]"#)
    #expect(v == .array([.string("plain"), .string("tab\there"), .string("été"), .string("ok/slash"), .string(""), .string("日本")]))
    #expect(syntaxError("[\"a\u{01}b\"]") == "1:4: control character in string")
    #expect(syntaxError("[\"abc") == "1:2: unterminated string")
    #expect(syntaxError("[\"ab\\q\"]") == "1:5: invalid escape '\\q'")
    do { _ = try JSONParser.parse(Data([0x5B, 0x22, 0xFF, 0x22, 0x5D])); Issue.record("accepted bad UTF-8") } catch let e as JSONSyntaxError {
        #expect(e.description == "1:2: invalid UTF-8 in string")
    }
}

@Test func duplicateKeysAreFoundInLargeObjects() throws {
    // Objects past 16 members switch to a set: duplicates must be caught on both sides of the switch.
    for dup in [3, 15, 16, 17, 39] {
        let members = (0..<40).map { "\"k\($0)\": \($0)" } + ["\"k\(dup)\": 0"]
        #expect(syntaxError("{" + members.joined(separator: ", ") + "}")?.hasSuffix(": duplicate key 'k\(dup)'") == true)
    }
    let v = try JSONParser.parse("{" + (0..<40).map { "\"k\($0)\": \($0)" }.joined(separator: ", ") + "}")
    #expect(v.objectValue?.count == 40 && v["k39"] == .int(39))
}

/// The committed lock file is canonical JSON: parsing it and encoding it again
/// gives its bytes back, so moving or changing the encoder cannot silently
/// change the lock file's bytes (or the cache keys made the same way).
@Test func committedLockFileIsItsOwnCanonicalForm() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let bytes = try WholeFile.read(root.appendingPathComponent("pipeline.lock.json"))
    let value = try JSONParser.parse(bytes)
    #expect(value["stages"]?.objectValue?.isEmpty == false)
    #expect([UInt8](CanonicalJSON.data(value, pretty: true)) == bytes)
}

@Test func quotedEscapesAsCanonicalText() {
    #expect(CanonicalJSON.quoted("a\"b\\c\n\t\r\u{01}\u{7F}é") == #""a\"b\\c\n\t\r\u0001\#u{7F}é""#)
    #expect(CanonicalJSON.string(.string("x\u{1F}")) == CanonicalJSON.quoted("x\u{1F}"))
}

/// Streaming one object's members gives what `parse` gives, member by member,
/// with the same checks; that object is left empty in the tree.
@Test func streamingParseVisitsTheMembersOfOneObject() throws {
    let text = #"{"stages": {"b": {"x": [1, {"stages": 2}]}, "a": 2, "é": "s"}, "version": 2, "list": [{"stages": {"q": 1}}]}"#
    var seen: [(String, JSONValue)] = []
    let tree = try JSONParser.parse(Array(text.utf8), streaming: ["stages"]) { seen.append(($0, $1)) }
    let whole = try JSONParser.parse(text)
    #expect(seen.map(\.0) == ["b", "a", "é"])
    #expect(seen.map(\.1) == whole["stages"]?.objectValue?.map(\.value))
    #expect(tree["stages"] == .object([]) && tree["version"] == .int(2) && tree["list"] == whole["list"])
    // A path naming no object: nothing visited, the whole tree returned.
    var none = 0
    #expect(try JSONParser.parse(Array(text.utf8), streaming: ["version"]) { _, _ in none += 1 } == whole)
    #expect(none == 0)
    // Duplicate keys in the streamed object are still rejected, also past 16 members.
    for members in [#""a": 1, "a": 2"#, (0..<20).map { "\"k\($0)\": 0" }.joined(separator: ", ") + #", "k3": 1"#] {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array("{\"stages\": {\(members)}}".utf8), streaming: ["stages"]) { _, _ in } }
    }
    // The visitor's error ends the parse.
    struct Stop: Error {}
    var calls = 0
    #expect(throws: Stop.self) { try JSONParser.parse(Array(text.utf8), streaming: ["stages"]) { _, _ in calls += 1; throw Stop() } }
    #expect(calls == 1)
}

/// Reading a known shape straight from the bytes: members in file order, typed values, the same syntax checks.
@Test func readingAKnownShapeChecksTypesAndSyntax() throws {
    let text = Array(#"{"name": "a\u00e9", "n": -12, "x": 2.5, "tags": {"k": "v"}, "any": [1, null]}"#.utf8)
    var seen: [String] = []
    var name = "", n = 0, x = 0.0, tags: [String: String] = [:], any: JSONValue = .null
    try JSONParser.read(text) { p in
        try p.readMembers { p, key in
            seen.append(key)
            switch key {
            case "name": name = try p.readString()
            case "n": n = try p.readInt()
            case "x": x = try p.readNumber()
            case "tags": try p.readMembers { p, k in tags[k] = try p.readString() }
            default: any = try p.readValue()
            }
        }
    }
    #expect(seen == ["name", "n", "x", "tags", "any"])
    #expect(name == "aé" && n == -12 && x == 2.5 && tags == ["k": "v"] && any == .array([.int(1), .null]))

    func failure(_ doc: String, _ read: (inout JSONParser) throws -> Void) -> String {
        do { try JSONParser.read(Array(doc.utf8), read); return "no error" } catch { return "\(error)" }
    }
    #expect(failure(#"{"n": "12"}"#) { p in try p.readMembers { p, _ in _ = try p.readInt() } } == "1:7: expected an integer")
    #expect(failure(#"{"n": 1.5}"#) { p in try p.readMembers { p, _ in _ = try p.readInt() } } == "1:7: expected an integer")
    #expect(failure("[1]") { p in try p.readMembers { _, _ in } } == "1:1: expected an object")
    #expect(failure(#"{"a": 1, "a": 2}"#) { p in try p.readMembers { p, _ in _ = try p.readInt() } } == "1:10: duplicate key 'a'")
    #expect(failure(#"{"a": 1,}"#) { p in try p.readMembers { p, _ in _ = try p.readInt() } } == "1:9: expected a string key")
    #expect(failure(#"{"a": 1} x"#) { p in try p.readMembers { p, _ in _ = try p.readInt() } } == "1:10: unexpected 'x' after the JSON value")
    #expect(failure(#"{"a": 1}"#) { p in try p.readMembers { _, _ in } } == "1:7: expected a value")  // a reader that read nothing
}

/// Streaming with a reader: each member of the streamed object read in place, its text from `offset` to `offset`.
@Test func streamingWithAReaderReadsEachMemberInPlace() throws {
    let text = Array(#"{"stages": {"a": {"v": 1}, "b": {"v": 2}}, "version": 2}"#.utf8)
    var read: [(String, Int, String)] = []
    let rest = try JSONParser.read(text, streaming: ["stages"]) { name, p in
        let start = p.offset
        var v = 0
        try p.readMembers { p, _ in v = try p.readInt() }
        read.append((name, v, String(decoding: text[start..<p.offset], as: UTF8.self)))
    }
    #expect(read.map(\.0) == ["a", "b"] && read.map(\.1) == [1, 2] && read.map(\.2) == [#"{"v": 1}"#, #"{"v": 2}"#])
    #expect(rest == .object([("stages", .object([])), ("version", .int(2))]))
    // A duplicate stage is still found.
    let twice = Array(#"{"stages": {"a": {"v": 1}, "a": {"v": 2}}}"#.utf8)
    #expect(throws: JSONSyntaxError.self) { try JSONParser.read(twice, streaming: ["stages"]) { _, p in _ = try p.readValue() } }
}
