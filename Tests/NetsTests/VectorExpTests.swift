import Foundation
import Testing
@testable import Nets
@testable import NetsKernels

/// `vectorExp` and the exp-based activations against Double references.
@Suite struct VectorExpTests {
    /// Both signs of magnitudes from 1e-30 to 1, each 0.01% above the last
    /// (about 1.4 million points): the small inputs where cancellation would show.
    func forEachSmall(_ body: (Float) -> Void) {
        var m: Float = 1e-30
        while m <= 1 {
            body(m); body(-m)
            m *= 1.0001
        }
    }

    @Test func relativeErrorAgainstDoubleExp() {
        // Normal results: e^x >= Float.leastNormalMagnitude from x = -87.33.
        var worst = 0.0, worstAt: Float = 0
        var x: Float = -87.33
        while x < 88.72 {
            let expected = exp(Double(x))
            let rel = abs(Double(vectorExp(x)) - expected) / expected
            if rel > worst { worst = rel; worstAt = x }
            x += 1.37e-4  // about 1.3 million points across the range, no pattern with n ln 2
        }
        forEachSmall { x in
            let expected = exp(Double(x))
            let rel = abs(Double(vectorExp(x)) - expected) / expected
            if rel > worst { worst = rel; worstAt = x }
        }
        print("vectorExp: max rel diff vs Double exp over [-87.33, 88.72] \(worst) at \(worstAt)")
        #expect(worst < 2e-7)
    }

    @Test func edgesMatchLibm() {
        // Subnormal results: within one subnormal step (1.4e-45) of the truth.
        for x: Float in [-87.5, -90, -95, -100, -103] {
            let diff = abs(Double(vectorExp(x)) - exp(Double(x)))
            #expect(diff <= Double(Float.leastNonzeroMagnitude), "e^\(x): \(vectorExp(x)) vs \(exp(Double(x)))")
        }
        #expect(vectorExp(-104) == 0)
        #expect(vectorExp(-1000) == 0)
        #expect(vectorExp(0) == 1)
        #expect(vectorExp(88.7) == exp(Float(88.7)))
        #expect(vectorExp(88.75) == .infinity)
        #expect(vectorExp(1000) == .infinity)
        #expect(vectorExp(.infinity) == .infinity)
        #expect(vectorExp(-.infinity) == 0)
        #expect(vectorExp(.nan).isNaN)
    }

    @Test func tanhRelativeError() {
        var worst = 0.0, worstAt: Float = 0
        func check(_ x: Float) {
            let expected = Foundation.tanh(Double(x))
            let rel = abs(Double(Tanh().value(x)) - expected) / max(abs(expected), 1e-30)
            if rel > worst { worst = rel; worstAt = x }
        }
        forEachSmall(check)
        var x: Float = -20
        while x < 20 { check(x); x += 3.1e-5 }
        for x: Float in [0, -0.0, 1e-30, -1e-8, 1e-3, 0.625, -0.625, 0.62499, 50, -50, 1e6] { check(x) }
        print("Tanh: max rel diff vs Double tanh \(worst) at \(worstAt)")
        #expect(worst < 3e-7)
        #expect(Tanh().value(.infinity) == 1 && Tanh().value(-.infinity) == -1)
    }

    @Test(arguments: [ActivationKind.sigmoid, .elu, .swish])
    func expBasedActivationsOverWideRange(kind: ActivationKind) {
        let f = kind.function
        var worst = 0.0, worstAt: Float = 0
        var x: Float = -30
        while x < 30 {
            let expected = referenceActivation(kind, Double(x))
            // Absolute floor 1e-30: sigmoid and swish underflow towards -30.
            let rel = abs(Double(f.value(x)) - expected) / max(abs(expected), 1e-30)
            if rel > worst { worst = rel; worstAt = x }
            x += 7.3e-5
        }
        print("\(kind): max rel diff vs Double formula over [-30, 30] \(worst) at \(worstAt)")
        // ELU near 0-: e^x - 1 cancels, so its relative error grows like ulp(1) / |x| (as in the reference's formula).
        #expect(worst < (kind == .elu ? 1e-3 : 5e-7))
    }
}
