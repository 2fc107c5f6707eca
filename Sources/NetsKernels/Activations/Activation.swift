/// An elementwise activation function f with its derivative f'.
///
/// Contract: `value` is f(x); `derivative(x:y:)` is f'(x) given x and y = f(x)
/// (each type uses whichever is cheaper and closer to PyTorch's autograd).
/// At kinks the convention is PyTorch's: branches test `x > 0`.
/// The buffer forms have default implementations that the compiler
/// specialises per conforming type, so a new activation only writes the two
/// scalar functions. Keep those branch-free (ternary selects, `vectorExp`
/// rather than libm calls) so the buffer loops vectorise: that is most of an
/// epoch's non-GEMM time. All functions are pure and thread-safe.
///
/// Adding an activation: one file with a conforming struct, plus one case in
/// `ActivationKind` and its line in `ActivationKind.function`.
public protocol Activation: Sendable {
    /// The stable identifier used in configs and checkpoints (`ActivationKind` raw value).
    static var id: String { get }
    /// Whether a training step's forward pass computes f' and stores it for the
    /// backward pass (`addBiasApplyAndDifferentiate`, then `multiplyElementwise`)
    /// rather than the backward pass computing it from z and y. Worth it where f'
    /// needs an exp of its own (ELU, Swish: 4 % off a 2-thread epoch, 2 % off a
    /// 1-thread one); elsewhere the stored derivative's extra memory pass cost
    /// 1-3 % (docs/benchmarks.md, session 9). The bits are the same either way.
    static var storesDerivative: Bool { get }
    /// The name shown in reports, e.g. "LeakyReLU".
    static var displayName: String { get }
    func value(_ x: Float) -> Float
    func derivative(x: Float, y: Float) -> Float

    /// Fused forward pass over a rows x cols row-major block:
    /// `z[r, c] += bias[c]`, then `y[r, c] = f(z[r, c])`.
    func addBiasAndApply(z: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>,
                         y: UnsafeMutablePointer<Float>, rows: Int, cols: Int)
    /// Backward through f in place: `grad[i] *= f'(z[i], y[i])` for i < count.
    func multiplyByDerivative(_ grad: UnsafeMutablePointer<Float>, z: UnsafePointer<Float>,
                              y: UnsafePointer<Float>, count: Int)
    /// `addBiasAndApply`, and also `d[r, c] = f'(z[r, c], y[r, c])`, with the
    /// same bits as `derivative(x:y:)`; one pass shares f's work with f' (an exp).
    func addBiasApplyAndDifferentiate(z: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>,
                                      y: UnsafeMutablePointer<Float>, d: UnsafeMutablePointer<Float>,
                                      rows: Int, cols: Int)
}

extension Activation {
    public static var storesDerivative: Bool { false }

    public func addBiasApplyAndDifferentiate(z: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>,
                                             y: UnsafeMutablePointer<Float>, d: UnsafeMutablePointer<Float>,
                                             rows: Int, cols: Int) {
        for r in 0..<rows {
            let zr = z + r * cols, yr = y + r * cols, dr = d + r * cols
            for c in 0..<cols {
                let v = zr[c] + bias[c]
                let fv = value(v)
                zr[c] = v
                yr[c] = fv
                dr[c] = derivative(x: v, y: fv)
            }
        }
    }

    public func addBiasAndApply(z: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>,
                                y: UnsafeMutablePointer<Float>, rows: Int, cols: Int) {
        for r in 0..<rows {
            let zr = z + r * cols, yr = y + r * cols
            for c in 0..<cols {
                let v = zr[c] + bias[c]
                zr[c] = v
                yr[c] = value(v)
            }
        }
    }

    public func multiplyByDerivative(_ grad: UnsafeMutablePointer<Float>, z: UnsafePointer<Float>,
                                     y: UnsafePointer<Float>, count: Int) {
        for i in 0..<count {
            grad[i] *= derivative(x: z[i], y: y[i])
        }
    }

    /// f over an array (for plots and tests).
    public func values(_ xs: [Float]) -> [Float] { xs.map(value) }
    /// f' over an array (for plots and tests).
    public func derivatives(_ xs: [Float]) -> [Float] { xs.map { derivative(x: $0, y: value($0)) } }
}
