/// One row-major `cblas_sgemm` call, C (m x n) = op(A) (m x k) * op(B) (k x n),
/// as `Nets` issues it in a training step; `transA`/`transB` say the operand is
/// stored transposed (k x m, n x k). It performs 2*m*n*k floating-point operations.
struct GemmShape: Equatable, Sendable {
    enum Role: String, Sendable { case forward, weightGradient = "weight-grad", inputGradient = "input-grad" }

    var role: Role
    /// 1-based linear layer number.
    var layer: Int
    var transA: Bool
    var transB: Bool
    var m: Int
    var n: Int
    var k: Int

    var flops: Double { 2 * Double(m) * Double(n) * Double(k) }

    /// e.g. "forward L1 256x512x784 NT".
    var label: String {
        "\(role.rawValue) L\(layer) \(m)x\(n)x\(k) \(transA ? "T" : "N")\(transB ? "T" : "N")"
    }
}
