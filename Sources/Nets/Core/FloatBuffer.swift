/// Fixed-size Float storage owned by a class, so the hot loops get a stable
/// pointer without array copy-on-write or exclusivity checks.
///
/// Not thread-safe; each model/workspace owns its buffers.
final class FloatBuffer {
    let count: Int
    let pointer: UnsafeMutablePointer<Float>

    init(count: Int) {
        self.count = count
        pointer = .allocate(capacity: max(count, 1))
        pointer.initialize(repeating: 0, count: max(count, 1))
    }

    convenience init(_ values: [Float]) {
        self.init(count: values.count)
        values.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { pointer.update(from: base, count: values.count) }
        }
    }

    deinit { pointer.deallocate() }

    /// A copy of the first `n` values (all by default).
    func array(_ n: Int? = nil) -> [Float] {
        Array(UnsafeBufferPointer(start: pointer, count: n ?? count))
    }

    func copy(from values: [Float]) {
        values.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { pointer.update(from: base, count: min(count, values.count)) }
        }
    }

    func zero() { pointer.update(repeating: 0, count: count) }
}
