import Foundation
import Testing
@testable import Nets

@Suite struct LossTests {
    @Test func crossEntropyMatchesHandComputedValue() throws {
        // Row 0: log(e^1 + e^2 + e^3) - 3 = 0.40760596; row 1: log 2 - 0 = 0.69314718.
        let logits = try Matrix(rows: 2, cols: 3, values: [1, 2, 3, 0, 0, -Float.infinity])
        let loss = try SoftmaxCrossEntropy.loss(logits: logits, labels: [2, 0])
        let expected: Float = (0.40760596 + 0.69314718) / 2
        print("cross-entropy \(loss) vs hand value \(expected), diff \(abs(loss - expected))")
        #expect(abs(loss - expected) < 1e-6)
    }

    @Test func crossEntropyIsStableForLargeLogits() throws {
        let logits = try Matrix(rows: 1, cols: 2, values: [1000, 0])
        #expect(try SoftmaxCrossEntropy.loss(logits: logits, labels: [1]) == 1000)
        let g = try SoftmaxCrossEntropy.gradient(logits: logits, labels: [1])
        #expect(g.values == [1, -1])
    }

    @Test func gradientIsSoftmaxMinusOneHotOverRows() throws {
        let logits = try Matrix(rows: 2, cols: 3, values: [1, 2, 3, 0.5, -0.5, 0])
        let g = try SoftmaxCrossEntropy.gradient(logits: logits, labels: [2, 1])
        for r in 0..<2 {
            let row = logits.row(r).map(Double.init)
            let s = row.reduce(0) { $0 + exp($1) }
            for j in 0..<3 {
                let expected = (exp(row[j]) / s - (j == [2, 1][r] ? 1 : 0)) / 2
                #expect(abs(Double(g[r, j]) - expected) < 1e-7)
            }
        }
    }

    @Test func badLabelsAreRejected() throws {
        let logits = Matrix(rows: 2, cols: 3)
        #expect(throws: NetsError.self) { try SoftmaxCrossEntropy.loss(logits: logits, labels: [0]) }
        #expect(throws: NetsError.self) { try SoftmaxCrossEntropy.loss(logits: logits, labels: [0, 3]) }
    }
}
