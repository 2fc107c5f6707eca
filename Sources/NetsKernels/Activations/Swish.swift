/// Swish (SiLU): f(x) = x sigmoid(x) with sigmoid(x) = 1 / (1 + e^-x);
/// f'(x) = s + x s (1 - s) with s = sigmoid(x) (product rule, as autograd does).
/// e^x is `vectorExp` (branch-free, so the buffer loops vectorise).
public struct Swish: Activation {
    public static let id = "swish"
    public static let displayName = "Swish"
    /// f' needs an exp of its own: the forward pass, which has it, stores f'.
    public static let storesDerivative = true
    public init() {}
    @inline(__always) public func value(_ x: Float) -> Float { x * (1 / (1 + vectorExp(-x))) }
    @inline(__always) public func derivative(x: Float, y: Float) -> Float {
        let s = 1 / (1 + vectorExp(-x))
        return s + x * s * (1 - s)
    }
}
