import Foundation

/// The values of metrics or params as flat `dotted.path -> value` maps, and
/// the per-value comparison `exp diff`, `params diff` and `metrics diff` print.
public enum MetricValues {
    /// Every scalar of `value` under `prefix` + its dotted path (array items by index).
    public static func flatten(_ value: JSONValue, prefix: String, into out: inout [String: JSONValue]) {
        func join(_ k: String) -> String { prefix.isEmpty || prefix.hasSuffix(":") ? prefix + k : prefix + "." + k }
        switch value {
        case .object(let members): for m in members { flatten(m.value, prefix: join(m.key), into: &out) }
        case .array(let items): for (i, v) in items.enumerated() { flatten(v, prefix: join(String(i)), into: &out) }
        default: out[prefix] = value
        }
    }

    public static func flatten(_ value: JSONValue, prefix: String = "") -> [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        flatten(value, prefix: prefix, into: &out)
        return out
    }

    /// One value that differs between two sides (nil: absent on that side).
    public struct Change: Equatable, Sendable {
        public let path: String
        public let old: JSONValue?
        public let new: JSONValue?
        /// new - old when both are numbers.
        public var delta: Double? {
            guard let a = old?.number, let b = new?.number else { return nil }
            return b - a
        }
    }

    /// The paths whose values differ (all paths with `all`), sorted.
    public static func changes(old: [String: JSONValue], new: [String: JSONValue], all: Bool = false) -> [Change] {
        Set(old.keys).union(new.keys).sorted().compactMap { p in
            let a = old[p], b = new[p]
            if !all, let a, let b, same(a, b) { return nil }
            return Change(path: p, old: a, new: b)
        }
    }

    /// Equal values; an int and a double of the same number are equal.
    public static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if let x = a.number, let y = b.number { return x == y }
        return a == b
    }

    /// True when the optional values are equal (both absent, or `same`).
    public static func same(_ a: JSONValue?, _ b: JSONValue?) -> Bool {
        switch (a, b) { case (nil, nil): return true; case let (x?, y?): return same(x, y); default: return false }
    }

    /// A value as a table cell: strings bare, absent as `-`.
    public static func cell(_ v: JSONValue?) -> String {
        guard let v else { return "-" }
        if case .double(let d) = v { return String(format: "%.6g", d) }
        return v.stringValue ?? CanonicalJSON.string(v)
    }

    /// A signed difference as a table cell (`+0.0123`), `-` when not numeric.
    public static func cell(delta: Double?) -> String {
        guard let d = delta else { return "-" }
        let s = String(format: "%.6g", d)
        return d > 0 ? "+" + s : s
    }
}

extension JSONValue {
    /// The value as a Double when it is a number.
    var number: Double? {
        switch self { case .int(let i): return Double(i); case .double(let d): return d; default: return nil }
    }
}
