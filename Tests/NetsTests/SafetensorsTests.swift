import Foundation
import Testing
@testable import Nets

@Suite struct SafetensorsTests {
    let tensors: [String: Safetensors.Tensor] = [
        "b": .init(shape: [3], values: [1, -2.5, .pi]),
        "a": .init(shape: [2, 2], values: [0, -0.0, .greatestFiniteMagnitude, 1e-30]),
        "empty": .init(shape: [0, 4], values: []),
    ]

    @Test func roundTripKeepsValuesBitForBit() throws {
        let bytes = try Safetensors.encode(tensors, metadata: ["k\"ey": "v\\al\nue", "config": "{\"x\":1}"])
        let (decoded, metadata) = try Safetensors.decode(bytes)
        #expect(decoded.keys.sorted() == ["a", "b", "empty"])
        for (name, t) in tensors {
            #expect(decoded[name]?.shape == t.shape)
            #expect(decoded[name]?.values.map(\.bitPattern) == t.values.map(\.bitPattern))
        }
        #expect(metadata == ["k\"ey": "v\\al\nue", "config": "{\"x\":1}"])
    }

    @Test func layoutIsSortedAlignedAndDeterministic() throws {
        let bytes = try Safetensors.encode(tensors, metadata: ["m": "1"])
        #expect(bytes == (try Safetensors.encode(tensors, metadata: ["m": "1"])))
        let n = Int(bytes[0]) | Int(bytes[1]) << 8
        #expect(n % 8 == 0)
        #expect(bytes.count == 8 + n + 4 * 7)
        let header = String(decoding: bytes[8..<(8 + n)], as: UTF8.self)
        #expect(header.hasPrefix(#"{"__metadata__":{"m":"1"},"a":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]},"b":"#))
        // Data of "a" first: 0.0 as little-endian zeros, then -0.0 = 00 00 00 80.
        #expect(Array(bytes[(8 + n + 4)..<(8 + n + 8)]) == [0, 0, 0, 0x80])
    }

    /// A header followed by `data` bytes, for hand-made corrupt files.
    func file(header: String, data: [UInt8] = [], declaredLength: UInt64? = nil) -> [UInt8] {
        let h = Array(header.utf8)
        var n = (declaredLength ?? UInt64(h.count)).littleEndian
        return withUnsafeBytes(of: &n) { Array($0) } + h + data
    }

    func rejection(_ bytes: [UInt8]) -> SafetensorsError? {
        do { _ = try Safetensors.decode(bytes, source: "bad.safetensors"); return nil } catch let e as SafetensorsError {
            print("rejected: \(e)")
            return e
        } catch { return nil }
    }

    @Test func corruptFilesGiveOneClearError() throws {
        let four: [UInt8] = [0, 0, 128, 63]
        let cases: [(String, [UInt8], String)] = [
            ("too short", [1, 2, 3], "header length"),
            ("length beyond the data", file(header: "{}", declaredLength: 1000), "header length"),
            ("huge length", file(header: "{}", declaredLength: UInt64.max), "header length"),
            ("not JSON", file(header: "{\"a\":"), "header"),
            ("not an object", file(header: "[1]"), "header"),
            ("dtype", file(header: #"{"a":{"dtype":"F16","shape":[1],"data_offsets":[0,4]}}"#, data: four), "a.dtype"),
            ("shape vs offsets", file(header: #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}"#, data: four), "a.data_offsets"),
            ("negative dim", file(header: #"{"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}"#, data: four), "a.shape"),
            ("fractional offset", file(header: #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4.5]}}"#, data: four), "a.data_offsets"),
            ("gap", file(header: #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#, data: four + four), "a.data_offsets"),
            ("overlap", file(header: #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#, data: four), "b.data_offsets"),
            ("beyond the file", file(header: #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#, data: four), "data_offsets"),
            ("trailing bytes", file(header: #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#, data: four + four), "data_offsets"),
            ("unknown field", file(header: #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4],"x":1}}"#, data: four), "a.x"),
            ("metadata value", file(header: #"{"__metadata__":{"k":1}}"#), "__metadata__.k"),
        ]
        for (what, bytes, field) in cases {
            let error = rejection(bytes)
            #expect(error?.field == field, "\(what): \(String(describing: error))")
            #expect(error?.description.hasPrefix("bad.safetensors: ") == true, "\(what)")
        }
    }

    @Test func everyTruncationIsRejectedWithoutTrapping() throws {
        let bytes = try Safetensors.encode(tensors, metadata: ["m": "1"])
        for length in 0..<bytes.count {
            #expect(rejection(Array(bytes[0..<length])) != nil, "truncated to \(length)")
        }
    }
}
