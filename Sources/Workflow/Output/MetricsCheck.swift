import Foundation

/// Compares a freshly produced metrics file with a reference copy (for
/// example the committed one), number by number.
///
/// Contract: both files must have the same shape (same keys, same array
/// lengths); strings must be equal; two numbers at path `p`
/// (dotted, e.g. `test_accuracy.relu.42`) may differ by at most the tolerance
/// of the longest tolerance key that is `p` or a dotted prefix of it, and by
/// 0 when none is. Every difference is reported, in path order.
public struct MetricsCheck: Sendable {
    public struct Difference: Equatable, Sendable, CustomStringConvertible {
        public let path: String
        public let message: String
        public var description: String { "\(path): \(message)" }
    }

    public let tolerances: [String: Double]

    public init(tolerances: [String: Double]) { self.tolerances = tolerances }

    /// The differences that exceed their tolerance; empty means the check passes.
    /// Throws `JSONSyntaxError` when either file is not JSON.
    public func compare(actual: Data, reference: Data) throws -> [Difference] {
        let a = try JSONParser.parse(actual)
        let r = try JSONParser.parse(reference)
        var out: [Difference] = []
        walk(a, r, path: "", into: &out)
        return out
    }

    public func tolerance(for path: String) -> Double {
        var best: (length: Int, value: Double)? = nil
        for (key, value) in tolerances where path == key || path.hasPrefix(key + ".") {
            if best == nil || key.count > best!.length { best = (key.count, value) }
        }
        return best?.value ?? 0
    }

    /// A number, or a boolean as 0/1 (booleans compare as numbers).
    private func number(_ v: JSONValue) -> Double? {
        switch v {
        case .int(let i): return Double(i)
        case .double(let d): return d
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    private func walk(_ a: JSONValue, _ r: JSONValue, path: String, into out: inout [Difference]) {
        let here = path.isEmpty ? "(top)" : path
        func join(_ key: String) -> String { path.isEmpty ? key : path + "." + key }
        switch (a, r) {
        case let (.object(am), .object(rm)):
            let a = Dictionary(am, uniquingKeysWith: { first, _ in first })
            let r = Dictionary(rm, uniquingKeysWith: { first, _ in first })
            for key in Set(a.keys).union(r.keys).sorted() {
                switch (a[key], r[key]) {
                case let (x?, y?): walk(x, y, path: join(key), into: &out)
                case (nil, _): out.append(.init(path: join(key), message: "missing from the new metrics"))
                case (_, nil): out.append(.init(path: join(key), message: "not in the reference metrics"))
                }
            }
        case let (.array(a), .array(r)):
            guard a.count == r.count else {
                out.append(.init(path: here, message: "\(a.count) entries, reference has \(r.count)"))
                return
            }
            for i in a.indices { walk(a[i], r[i], path: join(String(i)), into: &out) }
        case let (.string(a), .string(r)):
            if a != r { out.append(.init(path: here, message: "\"\(a)\", reference \"\(r)\"")) }
        case (.null, .null):
            break
        default:
            if let x = number(a), let y = number(r) {
                let diff = abs(x - y)
                let tol = tolerance(for: path)
                if diff > tol + 1e-12 {
                    out.append(.init(path: here, message: "\(format(x)), reference \(format(y)): differs by \(format(diff)), tolerance \(format(tol))"))
                }
            } else {
                out.append(.init(path: here, message: "a \(kind(a)), reference has a \(kind(r))"))
            }
        }
    }

    private func kind(_ v: JSONValue) -> String {
        switch v {
        case .object: return "object"
        case .array: return "array"
        case .string: return "string"
        case .int, .double, .bool: return "number"
        case .null: return "null"
        }
    }

    private func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}

/// One entry of pipeline.json's `checks`: a workspace file of results and the
/// tolerance of each of its numbers (see `MetricsCheck`).
public struct MetricsCheckSpec: Sendable, Equatable {
    public let file: String
    public let tolerances: [String: Double]
}
