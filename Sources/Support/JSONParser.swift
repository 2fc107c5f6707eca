import Foundation

/// A JSON syntax error with its 1-based line and column.
public struct JSONSyntaxError: Error, CustomStringConvertible, Sendable {
    public let line: Int
    public let column: Int
    public let message: String
    public var description: String { "\(line):\(column): \(message)" }
}

/// Valid JSON of another type than a reader asked for (`JSONParser.readString`
/// and its siblings), with the 1-based line and column of the value.
public struct JSONTypeMismatch: Error, CustomStringConvertible, Sendable {
    public let line: Int
    public let column: Int
    public let expected: String
    public var description: String { "\(line):\(column): expected \(expected)" }
}

/// A strict RFC 8259 parser over UTF-8 bytes: the project's one JSON reader
/// (pipeline.json, run records, lock files, safetensors headers, metrics).
///
/// Unlike JSONSerialization it reports line:column, rejects duplicate keys and
/// trailing commas, and keeps object members in file order (stage order is the
/// file's order). Errors are `JSONSyntaxError`, and `JSONTypeMismatch` from
/// the `read...` methods, which read a value of known shape without a tree.
public struct JSONParser {
    /// The document, borrowed for the parse. A raw buffer, not the array: every
    /// read is already guarded by `pos < bytes.count`, and the array's own
    /// bounds check and retain on each byte were a third of parsing a lock file.
    private let bytes: UnsafeBufferPointer<UInt8>
    private var pos = 0
    /// While streaming: the keys from the top to the object whose members go to `visit`.
    private var streamPath: [String] = []
    /// Nesting depth of the value being parsed, and how many of its outermost
    /// keys equal `streamPath`'s first ones (so no key is copied per value).
    private var depth = 0
    private var matched = 0
    /// While streaming: reads each member of the streamed object from the parser
    /// positioned at its value (nil while it runs: nothing below is streamed).
    private var visit: ((String, inout JSONParser) throws -> Void)?

    public static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(bytes: buffer)
            return try parser.parseDocument()
        }
    }

    /// Parses like `parse(_:)`, but hands each member of the object at `path`
    /// (its keys from the top, e.g. `["stages"]`) to `visit`, in file order, as
    /// soon as it is parsed, instead of keeping it: in the tree returned, that
    /// object is empty. So a document with one large table (the lock file of
    /// 100,000 stages) is never all in memory as a tree. The same checks and
    /// errors as `parse` (duplicate keys included); an error `visit` throws
    /// ends the parse and is rethrown. When `path` names no object, `visit` is
    /// never called and the result is `parse`'s.
    public static func parse(_ bytes: [UInt8], streaming path: [String], _ visit: (String, JSONValue) throws -> Void) throws -> JSONValue {
        try read(bytes, streaming: path) { key, parser in try visit(key, try parser.readValue()) }
    }

    /// `parse(_:streaming:_:)`, where `read` gets the parser itself, positioned
    /// at each member's value, and must read exactly that value with the
    /// `read...` methods (the member's text is `offset` before to `offset`
    /// after): a caller that knows the members' shape builds its own type from
    /// the bytes, without a `JSONValue` tree per member. Syntax is checked as
    /// by `parse`; a value of another type than a `read...` method expects
    /// throws `JSONTypeMismatch`.
    public static func read(_ bytes: [UInt8], streaming path: [String],
                            _ read: (String, inout JSONParser) throws -> Void) throws -> JSONValue {
        try withoutActuallyEscaping(read) { read in
            try bytes.withUnsafeBufferPointer { buffer in
                var parser = JSONParser(bytes: buffer)
                parser.streamPath = path
                parser.visit = read
                return try parser.parseDocument()
            }
        }
    }

    /// Reads a whole document with `read`, which must consume its one value
    /// with the `read...` methods; then only whitespace may follow.
    public static func read<T>(_ bytes: [UInt8], _ read: (inout JSONParser) throws -> T) throws -> T {
        try bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(bytes: buffer)
            parser.skipSpace()
            let value = try read(&parser)
            parser.skipSpace()
            if parser.pos < buffer.count { throw parser.error("unexpected '\(parser.charText(buffer[parser.pos]))' after the JSON value") }
            return value
        }
    }

    public static func parse(_ data: Data) throws -> JSONValue { try parse([UInt8](data)) }

    public static func parse(_ text: String) throws -> JSONValue { try parse(Array(text.utf8)) }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private mutating func parseDocument() throws -> JSONValue {
        skipSpace()
        let value = try parseValue()
        skipSpace()
        if pos < bytes.count { throw error("unexpected '\(charText(bytes[pos]))' after the JSON value") }
        return value
    }

    private func error(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
        let end = min(offset ?? pos, bytes.count)
        var line = 1, column = 1
        var i = 0
        while i < end {
            if bytes[i] == 0x0A { line += 1; column = 1 }
            else if bytes[i] & 0xC0 != 0x80 { column += 1 }  // count characters, not continuation bytes
            i += 1
        }
        return JSONSyntaxError(line: line, column: column, message: message)
    }

    private func charText(_ b: UInt8) -> String {
        b >= 0x20 && b < 0x7F ? String(UnicodeScalar(b)) : String(format: "\\x%02X", b)
    }

    private mutating func skipSpace() {
        while pos < bytes.count {
            switch bytes[pos] { case 0x20, 0x09, 0x0A, 0x0D: pos += 1; default: return }
        }
    }

    private mutating func parseValue() throws -> JSONValue {
        guard pos < bytes.count else { throw error("unexpected end of input, expected a value") }
        switch bytes[pos] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected '\(charText(bytes[pos]))', expected a value")
        }
    }

    private mutating func literal(_ word: String) throws {
        let w = word.utf8
        guard pos + w.count <= bytes.count, bytes[pos..<pos + w.count].elementsEqual(w) else {
            throw error("invalid literal, expected '\(word)'")
        }
        pos += w.count
    }

    private mutating func parseObject() throws -> JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        let streamed = visit != nil && depth == streamPath.count && matched == depth
        try readMembers { p, key in
            if streamed, let visit = p.visit {
                p.visit = nil
                defer { p.visit = visit }
                try visit(key, &p)
            } else {
                if members.isEmpty { members.reserveCapacity(4) }  // one allocation for most objects instead of two or three
                members.append((key, try p.parseChild(key)))
            }
        }
        return .object(members)
    }

    /// A member's value (`key`) or an array element's (nil); while streaming, one level deeper.
    private mutating func parseChild(_ key: String?) throws -> JSONValue {
        guard visit != nil else { return try parseValue() }
        let outer = matched
        if matched == depth, depth < streamPath.count, let key, key == streamPath[depth] { matched += 1 }
        depth += 1
        defer { depth -= 1; matched = outer }
        return try parseValue()
    }

    private mutating func parseArray() throws -> JSONValue {
        pos += 1
        var items: [JSONValue] = []
        skipSpace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try parseChild(nil))
            skipSpace()
            guard pos < bytes.count else { throw error("unexpected end of input, expected ',' or ']'") }
            if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(items) }
            throw error("expected ',' or ']' after array element")
        }
    }

    private mutating func parseString() throws -> String {
        let start = pos
        pos += 1
        // Fast path, most strings: no escape, so the string is the bytes up to the quote.
        var end = pos
        var high: UInt8 = 0  // any byte >= 0x80: only then is there UTF-8 to validate
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 { high |= bytes[end]; end += 1 }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            let s: String?
            if high < 0x80 { s = String(decoding: bytes[pos..<end], as: UTF8.self) }  // ASCII: valid as is, and much faster
            else { s = String(validating: bytes[pos..<end], as: UTF8.self) }
            guard let s else { throw error("invalid UTF-8 in string", at: start) }
            pos = end + 1
            return s
        }
        var out = [UInt8](bytes[pos..<end])
        pos = end
        while true {
            guard pos < bytes.count else { throw error("unterminated string", at: start) }
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") { pos += 1; break }
            if b < 0x20 { throw error("control character in string") }
            if b != UInt8(ascii: "\\") { out.append(b); pos += 1; continue }
            pos += 1
            guard pos < bytes.count else { throw error("unterminated string", at: start) }
            let e = bytes[pos]; pos += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    guard pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") else {
                        throw error("unpaired surrogate in \\u escape")
                    }
                    pos += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw error("invalid low surrogate in \\u escape") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let u = Unicode.Scalar(scalar) else { throw error("invalid \\u escape") }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default: throw error("invalid escape '\\\(charText(e))'", at: pos - 2)
            }
        }
        guard let s = String(validating: out, as: UTF8.self) else { throw error("invalid UTF-8 in string", at: start) }
        return s
    }

    private mutating func hex4() throws -> UInt32 {
        guard pos + 4 <= bytes.count else { throw error("truncated \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[pos]
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - 48)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - 87)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - 55)
            default: throw error("invalid hex digit in \\u escape")
            }
            v = v * 16 + d; pos += 1
        }
        return v
    }

    private mutating func parseNumber() throws -> JSONValue {
        let start = pos
        var isInteger = true
        if bytes[pos] == UInt8(ascii: "-") { pos += 1 }
        func digits() -> Int { let s = pos; while pos < bytes.count, (48...57).contains(bytes[pos]) { pos += 1 }; return pos - s }
        guard pos < bytes.count, (48...57).contains(bytes[pos]) else { throw error("invalid number", at: start) }
        if bytes[pos] == UInt8(ascii: "0") {
            pos += 1
            if pos < bytes.count, (48...57).contains(bytes[pos]) { throw error("leading zero in number", at: start) }
        } else { _ = digits() }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
            isInteger = false; pos += 1
            guard digits() > 0 else { throw error("expected digits after '.'") }
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
            isInteger = false; pos += 1
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") { pos += 1 }
            guard digits() > 0 else { throw error("expected digits in exponent") }
        }
        let text = String(decoding: bytes[start..<pos], as: UTF8.self)
        if isInteger, let i = Int(text) { return .int(i) }
        guard let d = Double(text), d.isFinite else { throw error("number out of range", at: start) }
        return .double(d)
    }

    // MARK: Reading values of a known shape (`read(_:_:)`, `read(_:streaming:_:)`)

    /// The offset of the next byte to read.
    public var offset: Int { pos }

    /// The next value, whatever it is, as a tree.
    public mutating func readValue() throws -> JSONValue {
        skipSpace()
        return try parseValue()
    }

    /// The next value, which must be a string.
    public mutating func readString() throws -> String {
        skipSpace()
        guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else { throw mismatch("a string") }
        return try parseString()
    }

    /// The next value, which must be an integer (no fraction or exponent).
    public mutating func readInt() throws -> Int {
        skipSpace()
        let start = pos
        guard pos < bytes.count, bytes[pos] == UInt8(ascii: "-") || (48...57).contains(bytes[pos]) else { throw mismatch("an integer") }
        guard case .int(let i) = try parseNumber() else { throw mismatch("an integer", at: start) }
        return i
    }

    /// The next value, which must be a number.
    public mutating func readNumber() throws -> Double {
        skipSpace()
        guard pos < bytes.count, bytes[pos] == UInt8(ascii: "-") || (48...57).contains(bytes[pos]) else { throw mismatch("a number") }
        switch try parseNumber() { case .int(let i): return Double(i); case .double(let d): return d; default: throw mismatch("a number") }
    }

    /// The next value, which must be an object: `member` is called for each
    /// key in file order, with the parser at that member's value, and must
    /// read it. Duplicate keys are rejected as by `parse`.
    public mutating func readMembers(_ member: (inout JSONParser, String) throws -> Void) throws {
        skipSpace()
        guard pos < bytes.count, bytes[pos] == UInt8(ascii: "{") else { throw mismatch("an object") }
        pos += 1
        skipSpace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") { pos += 1; return }
        // The first keys are searched linearly (most objects are small), the rest hashed.
        var keys: [String] = []
        var seen = Set<String>()
        while true {
            skipSpace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else {
                throw error(pos < bytes.count ? "expected a string key" : "unexpected end of input, expected a string key")
            }
            let keyStart = pos
            let key = try parseString()
            if keys.count < 16 {
                if keys.contains(key) { throw error("duplicate key '\(key)'", at: keyStart) }
                keys.append(key)
                if keys.count == 16 { seen = Set(keys) }
            } else if !seen.insert(key).inserted {
                throw error("duplicate key '\(key)'", at: keyStart)
            }
            skipSpace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else { throw error("expected ':' after key '\(key)'") }
            pos += 1
            skipSpace()
            let valueStart = pos
            try member(&self, key)
            if pos == valueStart { throw error("expected a value") }
            skipSpace()
            guard pos < bytes.count else { throw error("unexpected end of input, expected ',' or '}'") }
            if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if bytes[pos] == UInt8(ascii: "}") { pos += 1; return }
            throw error("expected ',' or '}' after object member")
        }
    }

    private func mismatch(_ expected: String, at offset: Int? = nil) -> JSONTypeMismatch {
        let e = error("expected \(expected)", at: offset)
        return JSONTypeMismatch(line: e.line, column: e.column, expected: expected)
    }
}
