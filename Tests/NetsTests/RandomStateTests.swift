import Foundation
import Testing
import Nets

@Suite struct RandomStateTests {
    /// A generator part-way through a block, so `left`/`next` are not at their seeded values.
    private func midStream() -> TorchGenerator {
        var g = TorchGenerator(seed: 42)
        _ = LinearInit.pytorchDefault(inFeatures: 31, outFeatures: 17, generator: &g)   // 544 draws
        return g
    }

    private func continuation(_ g: TorchGenerator) -> ([UInt32], [Int], [Float]) {
        var g = g
        let raw = (0..<700).map { _ in g.random32() }   // crosses a block boundary
        let perm = g.randperm(300)
        let floats = g.uniform(count: 50, from: -0.1, to: 0.1)
        return (raw, perm, floats)
    }

    @Test func serializedRoundTripContinuesIdentically() throws {
        let g = midStream()
        let bytes = g.serialized()
        #expect(bytes.count == 5056)
        let restored = try TorchGenerator(serialized: bytes)
        #expect(restored == g)
        #expect(restored.serialized() == bytes)
        let a = continuation(g), b = continuation(restored)
        #expect(a.0 == b.0 && a.1 == b.1 && a.2 == b.2)
    }

    @Test func serializedLayoutIsPyTorchs() {
        // After manual_seed(42) PyTorch's state holds seed 42, left 1, seeded 1, next 0, state[0] = 42.
        let bytes = TorchGenerator(seed: 42).serialized()
        func u64(_ o: Int) -> UInt64 { (0..<8).reduce(0) { $0 | UInt64(bytes[o + $1]) << (8 * $1) } }
        func i32(_ o: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[o + $1]) << (8 * $1) } }
        #expect(u64(0) == 42 && i32(8) == 1 && i32(12) == 1 && u64(16) == 0)
        #expect(u64(24) == 42 && u64(32) == UInt64(UInt32(truncatingIfNeeded: 1_812_433_253 * 42 + 1)))
        #expect(bytes[5016...].allSatisfy { $0 == 0 })   // no cached normal samples
    }

    @Test func codableRoundTripContinuesIdentically() throws {
        let g = midStream()
        let json = try JSONEncoder().encode(g)
        let restored = try JSONDecoder().decode(TorchGenerator.self, from: json)
        #expect(restored == g)
        let a = continuation(g), b = continuation(restored)
        #expect(a.0 == b.0 && a.1 == b.1 && a.2 == b.2)
    }

    @Test func badSerializedStatesAreRejectedNamingTheField() {
        var bytes = TorchGenerator(seed: 1).serialized()
        #expect(throws: TorchGeneratorStateError(field: "byte count",
            problem: "expected 5056 bytes (torch.get_rng_state() layout), found 5055")) {
            try TorchGenerator(serialized: Array(bytes.dropLast()))
        }
        bytes[8] = 0   // left = 0
        do {
            _ = try TorchGenerator(serialized: bytes)
            Issue.record("left = 0 was accepted")
        } catch {
            print(error)
            #expect(error.field == "left")
            #expect(error.description.contains("1...624"))
        }
        bytes = TorchGenerator(seed: 1).serialized()
        bytes[24 + 8 * 5 + 4] = 1   // state[5] above 32 bits
        #expect(throws: TorchGeneratorStateError.self) { try TorchGenerator(serialized: bytes) }
    }

    @Test func badJSONStateIsRejected() throws {
        let good = String(decoding: try JSONEncoder().encode(TorchGenerator(seed: 1)), as: UTF8.self)
        let bad = good.replacingOccurrences(of: "\"left\":1", with: "\"left\":625")
        #expect(bad != good)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(TorchGenerator.self, from: Data(bad.utf8)) }
    }
}
