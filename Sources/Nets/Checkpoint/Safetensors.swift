import Foundation
import Support

/// The safetensors format, F32 tensors only.
///
/// Layout: an 8-byte little-endian header length n, n bytes of JSON header
/// `{"__metadata__": {string: string}, name: {"dtype": "F32", "shape": [...],
/// "data_offsets": [begin, end]}, ...}`, then the raw little-endian data;
/// offsets are relative to the data start and tensors are contiguous.
///
/// Encoding is deterministic: header keys sorted by UTF-8 bytes, data in the
/// same order, header padded with spaces to a multiple of 8 bytes (as the
/// reference writer does). Decoding validates every field and throws
/// `SafetensorsError`; it never traps on bad bytes.
public enum Safetensors {
    /// One tensor: row-major values of the given shape.
    public struct Tensor: Equatable, Sendable {
        public var shape: [Int]
        public var values: [Float]
        public init(shape: [Int], values: [Float]) { self.shape = shape; self.values = values }
    }

    /// Largest header accepted when reading (the reference limit is 100 MB).
    public static let maxHeaderLength = 100_000_000

    /// The file bytes for `tensors` and `metadata`. Throws when a shape does not match its value count.
    public static func encode(_ tensors: [String: Tensor], metadata: [String: String] = [:]) throws -> [UInt8] {
        let ordered = tensors.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
        var entries: [(key: String, json: String)] = []
        var offset = 0
        for (name, tensor) in ordered {
            let count = tensor.shape.reduce(1, *)
            guard tensor.shape.allSatisfy({ $0 >= 0 }), count == tensor.values.count else {
                throw NetsError.shape("safetensors tensor '\(name)': shape \(tensor.shape) for \(tensor.values.count) values")
            }
            let end = offset + 4 * count
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            entries.append((name, "{\"dtype\":\"F32\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(end)]}"))
            offset = end
        }
        if !metadata.isEmpty {
            let pairs = metadata.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
            let body = pairs.map { CanonicalJSON.quoted($0.key) + ":" + CanonicalJSON.quoted($0.value) }.joined(separator: ",")
            entries.append(("__metadata__", "{" + body + "}"))
        }
        entries.sort { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
        var header = Array(("{" + entries.map { CanonicalJSON.quoted($0.key) + ":" + $0.json }.joined(separator: ",") + "}").utf8)
        while header.count % 8 != 0 { header.append(0x20) }

        var out: [UInt8] = []
        out.reserveCapacity(8 + header.count + offset)
        var n = UInt64(header.count).littleEndian
        withUnsafeBytes(of: &n) { out.append(contentsOf: $0) }
        out.append(contentsOf: header)
        for (_, tensor) in ordered {
            for v in tensor.values {
                var bits = v.bitPattern.littleEndian
                withUnsafeBytes(of: &bits) { out.append(contentsOf: $0) }
            }
        }
        return out
    }

    /// Parses and validates a safetensors byte string. `source` names it in errors.
    public static func decode(_ bytes: [UInt8], source: String = "safetensors data") throws
        -> (tensors: [String: Tensor], metadata: [String: String]) {
        func fail(_ field: String, _ message: String) -> SafetensorsError {
            SafetensorsError(source: source, field: field, message)
        }
        guard bytes.count >= 8 else {
            throw fail("header length", "the data is \(bytes.count) bytes, expected at least 8 (a little-endian u64 header length)")
        }
        var n: UInt64 = 0
        for i in (0..<8).reversed() { n = n << 8 | UInt64(bytes[i]) }
        guard n <= UInt64(maxHeaderLength), n <= UInt64(bytes.count - 8) else {
            throw fail("header length", "\(n) bytes, expected at most \(min(maxHeaderLength, bytes.count - 8)) (the data is \(bytes.count) bytes)")
        }
        let headerEnd = 8 + Int(n)
        let root: JSONValue
        do {
            root = try JSONParser.parse(Array(bytes[8..<headerEnd]))
        } catch {
            throw fail("header", "not valid JSON (\(error))")
        }
        guard case .object(let entries) = root else {
            throw fail("header", "expected a JSON object, found \(root.kindDescription)")
        }
        var metadata: [String: String] = [:]
        if let meta = root["__metadata__"] {
            guard case .object(let pairs) = meta else {
                throw fail("__metadata__", "expected an object of strings, found \(meta.kindDescription)")
            }
            for (key, value) in pairs {
                guard case .string(let s) = value else {
                    throw fail("__metadata__.\(key)", "expected a string, found \(value.kindDescription)")
                }
                metadata[key] = s
            }
        }
        let dataCount = bytes.count - headerEnd
        var layout: [(name: String, shape: [Int], begin: Int, end: Int)] = []
        for (name, entry) in entries where name != "__metadata__" {
            layout.append(try tensorLayout(name: name, entry: entry, fail: fail))
        }
        layout.sort { ($0.begin, $0.end, $0.name) < ($1.begin, $1.end, $1.name) }
        var expected = 0
        for t in layout {
            guard t.begin == expected else {
                throw fail("\(t.name).data_offsets", "begins at \(t.begin), expected \(expected) (tensors must be contiguous and not overlap)")
            }
            expected = t.end
        }
        guard expected == dataCount else {
            throw fail("data_offsets", "the tensors cover \(expected) data bytes, but the data section is \(dataCount) bytes")
        }
        var tensors: [String: Tensor] = [:]
        for t in layout {
            var values = [Float](repeating: 0, count: (t.end - t.begin) / 4)
            var p = headerEnd + t.begin
            for i in 0..<values.count {
                let bits = UInt32(bytes[p]) | UInt32(bytes[p + 1]) << 8 | UInt32(bytes[p + 2]) << 16 | UInt32(bytes[p + 3]) << 24
                values[i] = Float(bitPattern: bits)
                p += 4
            }
            tensors[t.name] = Tensor(shape: t.shape, values: values)
        }
        return (tensors, metadata)
    }

    private static func tensorLayout(name: String, entry: JSONValue, fail: (String, String) -> SafetensorsError) throws
        -> (name: String, shape: [Int], begin: Int, end: Int) {
        guard case .object(let fields) = entry else {
            throw fail(name, "expected an object with dtype, shape and data_offsets, found \(entry.kindDescription)")
        }
        if let extra = fields.map(\.key).sorted().first(where: { !["dtype", "shape", "data_offsets"].contains($0) }) {
            throw fail("\(name).\(extra)", "unknown field; expected only dtype, shape and data_offsets")
        }
        guard case .string(let dtype)? = entry["dtype"] else {
            throw fail("\(name).dtype", "missing or not a string; expected \"F32\"")
        }
        guard dtype == "F32" else { throw fail("\(name).dtype", "\"\(dtype)\" is not supported; expected \"F32\"") }
        guard case .array(let dims)? = entry["shape"] else {
            throw fail("\(name).shape", "missing or not an array; expected an array of non-negative integers")
        }
        var shape: [Int] = []
        var count = 1
        for d in dims {
            guard case .int(let v) = d, v >= 0 else {
                throw fail("\(name).shape", "\(dims) is not an array of non-negative integers")
            }
            let (product, overflow) = count.multipliedReportingOverflow(by: v)
            guard !overflow, product <= Int.max / 4 else { throw fail("\(name).shape", "\(dims) is too large") }
            shape.append(v); count = product
        }
        guard case .array(let offsets)? = entry["data_offsets"], offsets.count == 2,
              case .int(let begin) = offsets[0], case .int(let end) = offsets[1], begin >= 0, end >= begin else {
            throw fail("\(name).data_offsets", "expected [begin, end] with integers 0 <= begin <= end")
        }
        guard end - begin == 4 * count else {
            throw fail("\(name).data_offsets", "[\(begin), \(end)] spans \(end - begin) bytes, but shape \(shape) of F32 needs \(4 * count)")
        }
        return (name, shape, begin, end)
    }
}
