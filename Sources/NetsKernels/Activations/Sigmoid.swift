/// Logistic sigmoid: f(x) = 1 / (1 + e^-x); f'(x) = y (1 - y) with y = f(x).
/// e^x is `vectorExp` (branch-free, so the buffer loops vectorise).
public struct Sigmoid: Activation {
    public static let id = "sigmoid"
    public static let displayName = "Sigmoid"
    public init() {}
    @inline(__always) public func value(_ x: Float) -> Float { 1 / (1 + vectorExp(-x)) }
    @inline(__always) public func derivative(x: Float, y: Float) -> Float { y * (1 - y) }
}
