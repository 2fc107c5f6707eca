/// Exponential linear unit (alpha = 1): f(x) = x if x > 0 else e^x - 1;
/// f'(x) = 1 if x > 0 else e^x (so f'(0) = 1). e^x is recomputed rather than
/// taken as y + 1, matching what autograd saves for `exp(x) - 1`.
/// e^x is `vectorExp`, evaluated on both branches and selected, so loops vectorise.
public struct ELU: Activation {
    public static let id = "elu"
    public static let displayName = "ELU"
    /// f' needs an exp of its own: the forward pass, which has it, stores f'.
    public static let storesDerivative = true
    public init() {}
    @inline(__always) public func value(_ x: Float) -> Float {
        let e = vectorExp(x) - 1
        return x > 0 ? x : e
    }
    @inline(__always) public func derivative(x: Float, y: Float) -> Float {
        let e = vectorExp(x)
        return x > 0 ? 1 : e
    }
}
