import Foundation
import Testing
@testable import Nets

@Suite struct ActivationTests {
    static let points: [Float] = stride(from: -5.0, through: 5.0, by: 0.37).map { Float($0) }

    @Test(arguments: ActivationKind.allCases)
    func valueMatchesFormulaInDouble(kind: ActivationKind) {
        let f = kind.function
        var worst = 0.0
        for x in Self.points {
            let expected = referenceActivation(kind, Double(x))
            worst = max(worst, abs(Double(f.value(x)) - expected) / max(abs(expected), 1e-6))
        }
        print("\(kind) value: max rel diff vs Double formula \(worst)")
        #expect(worst < 1e-6)
    }

    @Test(arguments: ActivationKind.allCases)
    func derivativeMatchesFiniteDifferences(kind: ActivationKind) {
        let f = kind.function
        let h = 1e-5
        var worst = 0.0
        // Skip the kink at 0 (ReLU, LeakyReLU, ELU' are not differentiable there).
        for x in Self.points where abs(x) > 1e-3 {
            let numeric = (referenceActivation(kind, Double(x) + h) - referenceActivation(kind, Double(x) - h)) / (2 * h)
            let analytic = Double(f.derivative(x: x, y: f.value(x)))
            // Float rounding of y bounds the absolute error (1 - y^2 near saturation): allow 1e-6 absolute.
            worst = max(worst, abs(analytic - numeric) / (1e-2 + abs(numeric)))
            #expect(abs(analytic - numeric) <= 1e-6 + 1e-5 * abs(numeric), "\(kind)'(\(x)): \(analytic) vs \(numeric)")
        }
        print("\(kind) derivative: max diff / (0.01 + |f'|) vs central differences \(worst)")
    }

    @Test func derivativesAtZeroFollowPyTorch() {
        #expect(ReLU().derivative(x: 0, y: 0) == 0)
        #expect(LeakyReLU().derivative(x: 0, y: 0) == 0.1)
        #expect(ELU().derivative(x: 0, y: 0) == 1)
        #expect(Sigmoid().derivative(x: 0, y: 0.5) == 0.25)
        #expect(Tanh().derivative(x: 0, y: 0) == 1)
        #expect(Swish().derivative(x: 0, y: 0) == 0.5)
        #expect(LeakyReLU().value(-2) == -0.2)
        #expect(ELU().value(-1) == exp(Float(-1)) - 1)
    }

    @Test func saturatedInputsStayFinite() {
        for kind in ActivationKind.allCases {
            let f = kind.function
            for x: Float in [-200, -90, 90, 200] {
                let y = f.value(x)
                #expect(y.isFinite, "\(kind)(\(x)) = \(y)")
                #expect(f.derivative(x: x, y: y).isFinite, "\(kind)'(\(x))")
            }
        }
    }

    @Test(arguments: ActivationKind.allCases)
    func bufferFormsEqualScalarForms(kind: ActivationKind) {
        let f = kind.function
        // 37 columns: the vectorised body and the scalar remainder of each row both run.
        let rows = 3, cols = 37
        var rng = TestRandom(seed: 3)
        var z = rng.floats(rows * cols, -3, 3)
        let bias = rng.floats(cols, -1, 1)
        var y = [Float](repeating: 0, count: rows * cols)
        let zIn = z
        z.withUnsafeMutableBufferPointer { zp in
            bias.withUnsafeBufferPointer { bp in
                y.withUnsafeMutableBufferPointer { yp in
                    f.addBiasAndApply(z: zp.baseAddress!, bias: bp.baseAddress!, y: yp.baseAddress!, rows: rows, cols: cols)
                }
            }
        }
        for i in 0..<(rows * cols) {
            #expect(z[i] == zIn[i] + bias[i % cols])
            #expect(y[i] == f.value(z[i]))
        }
        var g = rng.floats(rows * cols, -1, 1)
        let gIn = g
        g.withUnsafeMutableBufferPointer { gp in
            f.multiplyByDerivative(gp.baseAddress!, z: z, y: y, count: rows * cols)
        }
        for i in 0..<(rows * cols) { #expect(g[i] == gIn[i] * f.derivative(x: z[i], y: y[i])) }

        // The training forward pass's form: the same z and y, and f' stored with
        // derivative(x:y:)'s bits; multiplying by it is the backward pass.
        var z2 = zIn, y2 = [Float](repeating: 0, count: rows * cols), d = y2
        z2.withUnsafeMutableBufferPointer { zp in
            bias.withUnsafeBufferPointer { bp in
                y2.withUnsafeMutableBufferPointer { yp in
                    d.withUnsafeMutableBufferPointer { dp in
                        f.addBiasApplyAndDifferentiate(z: zp.baseAddress!, bias: bp.baseAddress!, y: yp.baseAddress!,
                                                       d: dp.baseAddress!, rows: rows, cols: cols)
                    }
                }
            }
        }
        #expect(z2.map(\.bitPattern) == z.map(\.bitPattern) && y2.map(\.bitPattern) == y.map(\.bitPattern))
        #expect(d.map(\.bitPattern) == (0..<(rows * cols)).map { f.derivative(x: z[$0], y: y[$0]).bitPattern })
        var g2 = gIn
        g2.withUnsafeMutableBufferPointer { multiplyElementwise($0.baseAddress!, by: d, count: rows * cols) }
        #expect(g2.map(\.bitPattern) == g.map(\.bitPattern))
    }

    @Test func registryIsConsistent() {
        for kind in ActivationKind.allCases {
            #expect(type(of: kind.function).id == kind.rawValue)
        }
        #expect(ActivationKind.allCases.map(\.displayName) == ["Sigmoid", "Tanh", "ReLU", "LeakyReLU", "ELU", "Swish"])
    }
}
