import Foundation

/// Why a stage's params do not fit its kind; `path` is like `params.lr`.
public struct ParamsError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}

/// Decodes params with the kind's Codable type and re-encodes them canonically.
enum ParamsCodec {
    static func canonical<P: Codable>(_ type: P.Type, from value: JSONValue, fields: [ParamField]) throws -> JSONValue {
        let known = fields.map(\.name)
        guard case .object(let given) = value else {
            throw ParamsError(message: "params: expected an object, found \(value.kindDescription)")
        }
        // JSONDecoder reports a fraction given for an integer as invalid JSON with no path; say which field.
        for f in fields where f.type == "integer" {
            if case .double? = value[f.name] { throw ParamsError(message: "params.\(f.name): expected an integer, found a number") }
        }
        let decoded: P
        do {
            decoded = try JSONDecoder().decode(P.self, from: CanonicalJSON.data(value))
        } catch let error as DecodingError {
            throw ParamsError(message: describe(error, in: value, known: known))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let reencoded = try JSONParser.parse(try encoder.encode(decoded))
        let accepted = Set(known).union((reencoded.objectValue ?? []).map(\.key))
        if let unknown = given.first(where: { !accepted.contains($0.key) }) {
            // `known` holds the fields the probe found required; the re-encoded value names the rest.
            let names = known + (reencoded.objectValue ?? []).map(\.key).filter { !known.contains($0) }
            let list = names.isEmpty ? "none" : names.joined(separator: ", ")
            throw ParamsError(message: "unknown parameter '\(unknown.key)' (known: \(list))")
        }
        return reencoded
    }

    static func path(_ codingPath: [CodingKey]) -> String {
        var s = "params"
        for key in codingPath {
            if let i = key.intValue { s += "[\(i)]" } else { s += "." + key.stringValue }
        }
        return s
    }

    static func found(at codingPath: [CodingKey], in value: JSONValue) -> JSONValue? {
        var v: JSONValue? = value
        for key in codingPath {
            if let i = key.intValue, case .array(let a)? = v { v = i < a.count ? a[i] : nil }
            else { v = v?[key.stringValue] }
        }
        return v
    }

    static func expected(_ t: Any.Type) -> String {
        switch ParamProbe.typeName(t) {
        case "string": return "a string"
        case "boolean": return "a boolean"
        case "integer": return "an integer"
        case "number": return "a number"
        case "array": return "an array"
        case "object": return "an object"
        case let other where other.hasPrefix("one of "): return other
        case let other: return "a value of type \(other)"
        }
    }

    static func describe(_ error: DecodingError, in value: JSONValue, known: [String]) -> String {
        switch error {
        case .typeMismatch(let t, let ctx):
            let f = found(at: ctx.codingPath, in: value)
            // JSONDecoder reports a fractional number for an Int as a type mismatch, and an
            // array/object expected at a key as "Dictionary"/"Array".
            var exp = expected(t)
            if String(describing: t).hasPrefix("Dictionary") || String(describing: t).hasPrefix("KeyedDecodingContainer") { exp = "an object" }
            return "\(path(ctx.codingPath)): expected \(exp), found \(f.map(\.kindDescription) ?? "nothing")"
        case .valueNotFound(let t, let ctx):
            return "\(path(ctx.codingPath)): expected \(expected(t)), found null"
        case .keyNotFound(let key, let ctx):
            let full = ctx.codingPath.isEmpty ? key.stringValue : path(ctx.codingPath).dropFirst("params.".count) + "." + key.stringValue
            return "missing parameter '\(full)' (needs: \(known.joined(separator: ", ")))"
        case .dataCorrupted(let ctx):
            let f = found(at: ctx.codingPath, in: value)
            if let f, case .double = f { return "\(path(ctx.codingPath)): expected an integer, found a number" }
            return "\(path(ctx.codingPath)): \(ctx.debugDescription)"
        @unknown default:
            return "params: \(error)"
        }
    }
}
