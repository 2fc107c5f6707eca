import Testing
@testable import Nets

/// v = momentum * v + delta^T x as one sgemm with beta = momentum (what the
/// backward lanes do) against the product into a zeroed buffer and then
/// `sgdStep`'s arithmetic, on the pinned OpenBLAS: the same bits while K fits
/// in one K block, and `ParameterUpdate.foldsMomentum` draws the line there.
@Test func momentumFoldsIntoTheWeightGradientProductWithTheSameBitsUpToOneKBlock() {
    let m = 64, n = 96, mu: Float = 0.9
    var seed: UInt32 = 7
    func values(_ count: Int) -> [Float] {
        (0..<count).map { _ in seed = seed &* 1_664_525 &+ 1_013_904_223; return Float(seed >> 8) / Float(1 << 24) - 0.5 }
    }
    /// Elements that differ between the two ways, for K = `k`.
    func differing(k: Int) -> Int {
        let a = values(k * m), b = values(k * n), v0 = values(m * n)
        var g = [Float](repeating: 0, count: m * n), separate = v0, folded = v0
        BLAS.gemm(transA: true, transB: false, m: m, n: n, k: k, a: a, lda: m, b: b, ldb: n, c: &g, ldc: n)
        for i in 0..<(m * n) { separate[i] = mu * separate[i] + g[i] }
        BLAS.gemm(transA: true, transB: false, m: m, n: n, k: k, a: a, lda: m, b: b, ldb: n, beta: mu, c: &folded, ldc: n)
        return zip(separate, folded).filter { $0.bitPattern != $1.bitPattern }.count
    }
    for k in [1, 100, 256, 320] { #expect(differing(k: k) == 0, "K = \(k)") }
    #expect(differing(k: 321) > 0)  // past the K block the sum is rounded once per block: the bound is tight
    #expect(ParameterUpdate.foldsMomentum(rows: 320) && !ParameterUpdate.foldsMomentum(rows: 321))
}
