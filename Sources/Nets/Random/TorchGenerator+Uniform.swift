extension TorchGenerator {
    /// `torch.empty(count).uniform_(from, to)` for float32: one `random32()` per element, in order.
    ///
    /// Law (PyTorch's `uniform_real<float>` on a CPU with FMA, which is what the reference bits show):
    /// `lo = Float(from)`, `hi = Float(to)` (the double bounds rounded to float first),
    /// `u = Float(random32() & 0xFFFFFF) * 2^-24` (exact), `value = fma(u, hi - lo, lo)`: the product and
    /// the sum rounded once, to float. Without the fusion (two roundings) about half (52%) of the
    /// `nn.Linear` weights would differ in the last bit.
    public mutating func uniform(count: Int, from: Double, to: Double) -> [Float] {
        guard count > 0 else { return [] }
        return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            fillUniform(buffer, from: from, to: to)
            initialized = count
        }
    }

    /// Fills `buffer` in order with the draws `uniform(count: buffer.count, from:, to:)` would return.
    public mutating func fillUniform(_ buffer: UnsafeMutableBufferPointer<Float>, from: Double, to: Double) {
        let lo = Float(from)
        let range = Float(to) - lo
        let scale: Float = 1.0 / 16_777_216.0   // 2^-24, exact
        for i in buffer.indices {
            let u = Float(random32() & 0x00ff_ffff) * scale
            buffer[i] = lo.addingProduct(u, range)
        }
    }
}
