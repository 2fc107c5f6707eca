extension TorchGenerator {
    /// `torch.randperm(n)` on the CPU (int64 result), PyTorch's `randperm_cpu`.
    ///
    /// For `n < UInt32.max / 20` (= 214,748,364): start from the identity and, for `i` in `0..<n-1`,
    /// swap positions `i` and `i + random32() % (n - i)` (a forward Fisher–Yates using n-1 draws).
    /// Larger `n` (PyTorch's other branch): the "inside-out" shuffle, for `i` in `0..<n`,
    /// `z = random64() % (i + 1)`, `p[i] = p[z]`, `p[z] = i`.
    /// Precondition: `n >= 0` (a count the caller has validated).
    public mutating func randperm(_ n: Int) -> [Int] {
        randperm(n, smallBranchLimit: Int(UInt32.max / 20))
    }

    /// `randperm` with PyTorch's branch point as a parameter, so tests can reach the large-`n` branch.
    mutating func randperm(_ n: Int, smallBranchLimit: Int) -> [Int] {
        precondition(n >= 0, "randperm: n must be non-negative, got \(n)")
        guard n > 0 else { return [] }
        var perm = [Int](unsafeUninitializedCapacity: n) { buffer, initialized in
            for i in 0..<n { buffer[i] = i }
            initialized = n
        }
        perm.withUnsafeMutableBufferPointer { p in
            if n < smallBranchLimit {
                for i in 0..<(n - 1) {
                    let z = Int(random32()) % (n - i)
                    p.swapAt(i, i + z)
                }
            } else {
                for i in 0..<n {
                    let z = Int(random64() % UInt64(i + 1))
                    p[i] = p[z]
                    p[z] = i
                }
            }
        }
        return perm
    }
}
