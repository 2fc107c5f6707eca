import Foundation

/// Canonical JSON text: object keys sorted by their UTF-8 bytes, no insignificant
/// whitespace (or, with `pretty`, two-space indentation), integers as integers,
/// doubles in Swift's shortest round-trip form. Equal values give equal bytes,
/// which is what cache keys and the lock file rely on.
public enum CanonicalJSON {
    public static func string(_ value: JSONValue, pretty: Bool = false) -> String {
        var out: [UInt8] = []
        write(value, into: &out, pretty: pretty, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    public static func data(_ value: JSONValue, pretty: Bool = false) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(value, into: &out, pretty: pretty, indent: 0)
        if pretty { out.append(0x0A) }
        return Data(out)
    }

    /// Shortest round-trip text; integral doubles keep a ".0" so they stay doubles.
    public static func number(_ d: Double) -> String { d.description }

    /// Appends `value` to `out` as it reads nested `indent` levels deep in pretty
    /// text (its first line is not indented; `indent` is ignored without `pretty`),
    /// for writers that stream a large document one member at a time.
    public static func append(_ value: JSONValue, to out: inout [UInt8], pretty: Bool, indent: Int) {
        write(value, into: &out, pretty: pretty, indent: indent)
    }

    /// Whether object key `a` comes before `b` in canonical text (by UTF-8 bytes).
    public static func keyPrecedes(_ a: String, _ b: String) -> Bool {
        // Not String's <, which compares canonically equivalent forms alike.
        // Bytes compared at once (memcmp) where both are contiguous UTF-8, as native strings are.
        if let r = a.utf8.withContiguousStorageIfAvailable({ x in
            b.utf8.withContiguousStorageIfAvailable { y -> Bool in
                let n = min(x.count, y.count)
                let c = n == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, n)
                return c < 0 || (c == 0 && x.count < y.count)
            }
        }), let r { return r }
        return a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    // Bytes, not String appends: the lock file and keys of a 100-stage no-op run go through here.
    private static func write(_ value: JSONValue, into out: inout [UInt8], pretty: Bool, indent: Int) {
        func newline(_ level: Int) {
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: 2 * level))
        }
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .double(let d): out.append(contentsOf: number(d).utf8)
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { newline(indent + 1) }
                write(item, into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(indent) }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            let sorted = members.sorted { keyPrecedes($0.key, $1.key) }
            for (i, m) in sorted.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { newline(indent + 1) }
                writeString(m.key, into: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(0x20) }
                write(m.value, into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(indent) }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// `s` as a JSON string literal, escaped exactly as in canonical text
    /// (for writers that assemble a fixed layout themselves, e.g. safetensors headers).
    public static func quoted(_ s: String) -> String {
        var out: [UInt8] = []
        writeString(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `s` as a JSON string literal (as `quoted`).
    public static func appendQuoted(_ s: String, to out: inout [UInt8]) { writeString(s, into: &out) }

    private static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        // Most strings (hashes, names) need no escape: one copy of their bytes.
        if let done = s.utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else { return false }
            out.append(contentsOf: bytes)
            return true
        }), done {
            out.append(0x22)
            return
        }
        for b in s.utf8 {
            switch b {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20: out.append(contentsOf: String(format: "\\u%04x", b).utf8)
            default: out.append(b)  // UTF-8 bytes pass through unchanged
            }
        }
        out.append(0x22)
    }
}
