extension TorchGenerator {
    /// Size of PyTorch's `CPUGeneratorImplState`, the tensor `torch.get_rng_state()` returns.
    public static let serializedByteCount = 5056

    /// The state as the 5,056 bytes of `torch.get_rng_state()` (little-endian, C layout with zeroed padding):
    /// offset 0 seed u64 · 8 left i32 · 12 seeded i32 (1) · 16 next u64 · 24 state 624×u64 (one word each) ·
    /// 5016 normal_x f64 (0) · 5024 normal_y f64 (cached double normal) · 5032 normal_rho f64 (0) ·
    /// 5040 normal_is_valid i32 · 5048 next float normal f32 · 5052 its validity byte.
    /// So `torch.set_rng_state(torch.tensor(list(bytes), dtype=torch.uint8))` continues this stream in PyTorch.
    public func serialized() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Self.serializedByteCount)
        func put<T: FixedWidthInteger>(_ value: T, at offset: Int) {
            withUnsafeBytes(of: value.littleEndian) { bytes in
                for (k, byte) in bytes.enumerated() { out[offset + k] = byte }
            }
        }
        put(engine.seed, at: 0)
        put(engine.left, at: 8)
        put(Int32(1), at: 12)
        put(UInt64(engine.next), at: 16)
        for (k, word) in engine.state.enumerated() { put(UInt64(word), at: 24 + 8 * k) }
        if let cached = nextDoubleNormalSample {
            put(cached.bitPattern, at: 5024)
            put(Int32(1), at: 5040)
        }
        if let cached = nextFloatNormalSample {
            put(cached.bitPattern, at: 5048)
            out[5052] = 1
        }
        return out
    }

    /// Restores a state from `serialized()` or from PyTorch's `torch.get_rng_state()` bytes.
    /// Checks what PyTorch's `set_state` checks (size, `seeded`, `left` in 1...624, `next` <= 624) and
    /// that every state word fits in 32 bits; throws `TorchGeneratorStateError` naming the field otherwise.
    public init(serialized bytes: [UInt8]) throws(TorchGeneratorStateError) {
        guard bytes.count == Self.serializedByteCount else {
            throw TorchGeneratorStateError(field: "byte count",
                problem: "expected \(Self.serializedByteCount) bytes (torch.get_rng_state() layout), found \(bytes.count)")
        }
        func get<T: FixedWidthInteger>(_: T.Type, at offset: Int) -> T {
            var value = T.zero
            for k in 0..<MemoryLayout<T>.size { value |= T(truncatingIfNeeded: bytes[offset + k]) << (8 * k) }
            return value
        }
        let seeded = get(Int32.self, at: 12)
        guard seeded != 0 else {
            throw TorchGeneratorStateError(field: "seeded", problem: "expected a non-zero flag, found 0")
        }
        let left = get(Int32.self, at: 8)
        guard left >= 1 && left <= 624 else {
            throw TorchGeneratorStateError(field: "left", problem: "expected a value in 1...624, found \(left)")
        }
        let next = get(UInt64.self, at: 16)
        guard next <= 624 else {
            throw TorchGeneratorStateError(field: "next", problem: "expected a value in 0...624, found \(next)")
        }
        var words = [UInt32](repeating: 0, count: 624)
        for k in 0..<624 {
            let word = get(UInt64.self, at: 24 + 8 * k)
            guard word <= UInt64(UInt32.max) else {
                throw TorchGeneratorStateError(field: "state[\(k)]", problem: "expected a 32-bit word, found \(word)")
            }
            words[k] = UInt32(word)
        }
        let engine = MersenneTwister(seed: get(UInt64.self, at: 0), state: words, left: left, next: UInt32(next))
        let doubleValid = get(Int32.self, at: 5040) != 0
        let floatValid = bytes[5052] != 0
        self.init(engine: engine,
                  nextFloatNormalSample: floatValid ? Float(bitPattern: get(UInt32.self, at: 5048)) : nil,
                  nextDoubleNormalSample: doubleValid ? Double(bitPattern: get(UInt64.self, at: 5024)) : nil)
    }
}
