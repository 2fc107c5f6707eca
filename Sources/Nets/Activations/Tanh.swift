import Foundation

/// Hyperbolic tangent: f(x) = (e^x - e^-x) / (e^x + e^-x); f'(x) = 1 - y^2 with y = f(x).
public struct Tanh: Activation {
    public static let id = "tanh"
    public static let displayName = "Tanh"
    public init() {}
    @inline(__always) public func value(_ x: Float) -> Float { tanh(x) }
    @inline(__always) public func derivative(x: Float, y: Float) -> Float { 1 - y * y }
}
