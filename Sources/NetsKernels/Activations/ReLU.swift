/// Rectified linear unit: f(x) = max(x, 0); f'(x) = 1 if x > 0 else 0 (so f'(0) = 0, as PyTorch).
public struct ReLU: Activation {
    public static let id = "relu"
    public static let displayName = "ReLU"
    public init() {}
    @inline(__always) public func value(_ x: Float) -> Float { x > 0 ? x : 0 }
    @inline(__always) public func derivative(x: Float, y: Float) -> Float { x > 0 ? 1 : 0 }
}
