import Testing
@testable import Nets

/// The tally counts each shape's calls while on, and nothing while off.
/// (A shape no other test uses, since tests run in parallel.)
@Test func gemmTallyCountsCallsPerShapeOnlyWhileOn() {
    let a = [Float](repeating: 1, count: 3 * 7), b = [Float](repeating: 2, count: 7 * 5)
    var c = [Float](repeating: 0, count: 3 * 5)
    func call(_ k: Int) { BLAS.gemm(transA: true, transB: false, m: 3, n: 5, k: k, a: a, lda: 3, b: b, ldb: 5, c: &c, ldc: 5) }
    call(7)
    GemmTally.start()
    for _ in 0..<4 { call(7) }
    call(6)
    let counted = GemmTally.stop()
    call(7)
    let seven = GemmTally.Shape(m: 3, n: 5, k: 7, transA: true, transB: false)
    let six = GemmTally.Shape(m: 3, n: 5, k: 6, transA: true, transB: false)
    #expect(counted[seven]?.calls == 4 && counted[six]?.calls == 1)
    #expect((counted[seven]?.seconds ?? 0) > 0)
    #expect(GemmTally.stop()[seven]?.calls == 4)   // the call after stop is not counted
    #expect(seven.description == "3x5x7 TN")
    #expect(c.allSatisfy { $0 == 14 })             // the product itself is unchanged: 7 x 1 x 2
}
