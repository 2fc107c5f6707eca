import Foundation

/// Finds a Params type's top-level fields by decoding it from a decoder that
/// answers every request with a placeholder and records the keys asked for.
///
/// An enum-typed field (say `ActivationKind`) is answered with its first case
/// when it is `CaseIterable`, so the fields after it are found too, and its
/// type reads `one of a, b, ...`. Best effort beyond that: a type whose init
/// rejects every placeholder (an enum that is not `CaseIterable`, a validating
/// init) stops the probe; the fields seen until then are returned.
enum ParamProbe {
    static func fields<T: Decodable>(of type: T.Type) -> [ParamField] {
        let recorder = Recorder()
        _ = try? T(from: ProbeDecoder(recorder: recorder, depth: 0))
        return recorder.fields
    }

    final class Recorder {
        var fields: [ParamField] = []
        func add(_ name: String, _ type: String, optional: Bool) {
            if !fields.contains(where: { $0.name == name }) { fields.append(ParamField(name: name, type: type, optional: optional)) }
        }
    }

    struct Stop: Error {}

    struct ProbeDecoder: Decoder {
        let recorder: Recorder
        let depth: Int
        var codingPath: [CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] = [:]
        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            KeyedDecodingContainer(Keyed<Key>(recorder: recorder, depth: depth))
        }
        func unkeyedContainer() throws -> UnkeyedDecodingContainer { Unkeyed() }
        func singleValueContainer() throws -> SingleValueDecodingContainer { Single() }
    }

    /// The first case of `T`, when it is `CaseIterable`: a value every decoder accepts.
    static func firstCase<T>(_ type: T.Type) -> T? {
        guard let cases = type as? any CaseIterable.Type else { return nil }
        return firstCase(of: cases) as? T
    }

    private static func firstCase<C: CaseIterable>(of type: C.Type) -> Any? { type.allCases.first }

    /// The raw values of a `CaseIterable` enum with String raw values, in case order.
    static func caseNames(_ t: Any.Type) -> [String]? {
        guard let cases = t as? any CaseIterable.Type else { return nil }
        return caseNames(of: cases)
    }

    private static func caseNames<C: CaseIterable>(of type: C.Type) -> [String]? {
        let names = type.allCases.compactMap { ($0 as? any RawRepresentable)?.rawValue as? String }
        return names.count == type.allCases.count && !names.isEmpty ? names : nil
    }

    static func typeName(_ t: Any.Type) -> String {
        if let names = caseNames(t) { return "one of " + names.joined(separator: ", ") }
        switch t {
        case is String.Type: return "string"
        case is Bool.Type: return "boolean"
        case is Int.Type, is Int32.Type, is Int64.Type, is UInt.Type, is UInt64.Type, is UInt32.Type: return "integer"
        case is Double.Type, is Float.Type: return "number"
        default:
            let n = String(describing: t)
            if n.hasPrefix("Array<") { return "array" }
            if n.hasPrefix("Dictionary<") { return "object" }
            return n
        }
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let recorder: Recorder
        let depth: Int
        var codingPath: [CodingKey] = []
        var allKeys: [Key] { [] }
        func contains(_ key: Key) -> Bool { false }
        private func note(_ key: Key, _ t: Any.Type, optional: Bool) {
            if depth == 0 { recorder.add(key.stringValue, ParamProbe.typeName(t), optional: optional) }
        }
        func decodeNil(forKey key: Key) throws -> Bool { true }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { note(key, type, optional: false); return false }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { note(key, type, optional: false); return "" }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { note(key, type, optional: false); return 0 }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { note(key, type, optional: false); return 0 }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { note(key, type, optional: false); return 0 }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { note(key, type, optional: false); return 0 }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { note(key, type, optional: false); return 0 }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { note(key, type, optional: false); return 0 }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { note(key, type, optional: false); return 0 }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { note(key, type, optional: false); return 0 }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { note(key, type, optional: false); return 0 }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { note(key, type, optional: false); return 0 }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { note(key, type, optional: false); return 0 }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { note(key, type, optional: false); return 0 }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            note(key, type, optional: false)
            if let value = ParamProbe.firstCase(T.self) { return value }
            return try T(from: ProbeDecoder(recorder: recorder, depth: depth + 1))
        }
        // A probe reports optional fields as absent, and records them as optional.
        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { note(key, type, optional: true); return nil }
        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { note(key, type, optional: true); return nil }
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { note(key, type, optional: true); return nil }
        func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { note(key, type, optional: true); return nil }
        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { note(key, type, optional: true); return nil }
        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            KeyedDecodingContainer(Keyed<NestedKey>(recorder: recorder, depth: depth + 1))
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer { Unkeyed() }
        func superDecoder() throws -> Decoder { ProbeDecoder(recorder: recorder, depth: depth + 1) }
        func superDecoder(forKey key: Key) throws -> Decoder { ProbeDecoder(recorder: recorder, depth: depth + 1) }
    }

    /// An empty array.
    struct Unkeyed: UnkeyedDecodingContainer {
        var codingPath: [CodingKey] = []
        var count: Int? { 0 }
        var isAtEnd: Bool { true }
        var currentIndex: Int { 0 }
        mutating func decodeNil() throws -> Bool { throw Stop() }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { throw Stop() }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> { throw Stop() }
        mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer { throw Stop() }
        mutating func superDecoder() throws -> Decoder { throw Stop() }
    }

    /// Placeholder scalars.
    struct Single: SingleValueDecodingContainer {
        var codingPath: [CodingKey] = []
        func decodeNil() -> Bool { false }
        func decode(_ type: Bool.Type) throws -> Bool { false }
        func decode(_ type: String.Type) throws -> String { "" }
        func decode(_ type: Double.Type) throws -> Double { 0 }
        func decode(_ type: Float.Type) throws -> Float { 0 }
        func decode(_ type: Int.Type) throws -> Int { 0 }
        func decode(_ type: Int8.Type) throws -> Int8 { 0 }
        func decode(_ type: Int16.Type) throws -> Int16 { 0 }
        func decode(_ type: Int32.Type) throws -> Int32 { 0 }
        func decode(_ type: Int64.Type) throws -> Int64 { 0 }
        func decode(_ type: UInt.Type) throws -> UInt { 0 }
        func decode(_ type: UInt8.Type) throws -> UInt8 { 0 }
        func decode(_ type: UInt16.Type) throws -> UInt16 { 0 }
        func decode(_ type: UInt32.Type) throws -> UInt32 { 0 }
        func decode(_ type: UInt64.Type) throws -> UInt64 { 0 }
        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            if let value = ParamProbe.firstCase(T.self) { return value }
            throw Stop()
        }
    }
}
