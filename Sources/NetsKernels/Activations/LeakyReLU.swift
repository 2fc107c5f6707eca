/// Leaky ReLU with slope alpha = 0.1 by default: f(x) = x if x > 0 else alpha x;
/// f'(x) = 1 if x > 0 else alpha (so f'(0) = alpha, as PyTorch).
public struct LeakyReLU: Activation {
    public static let id = "leakyrelu"
    public static let displayName = "LeakyReLU"
    public let alpha: Float
    public init(alpha: Float = 0.1) { self.alpha = alpha }
    @inline(__always) public func value(_ x: Float) -> Float { x > 0 ? x : alpha * x }
    @inline(__always) public func derivative(x: Float, y: Float) -> Float { x > 0 ? 1 : alpha }
}
