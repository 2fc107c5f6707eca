import Foundation

/// Softmax cross-entropy over a batch, averaged over the batch, as PyTorch's
/// `F.cross_entropy(logits, labels)` with mean reduction.
///
/// For a row z with label y: loss = log(sum_j e^{z_j}) - z_y, computed as
/// m + log(sum_j e^{z_j - m}) - z_y with m = max_j z_j so no exp overflows.
/// The gradient of the batch mean is (softmax(z) - onehot(y)) / rows.
/// Per-row losses are Float; their sum is accumulated in Double in row order.
public enum SoftmaxCrossEntropy {
    /// Loss and correct count (argmax == label; the first maximum wins ties) of
    /// `rows` rows of `classes` logits; writes dLoss/dlogits to `gradient` when given.
    static func evaluate(logits: UnsafePointer<Float>, labels: UnsafePointer<UInt8>,
                         rows: Int, classes: Int,
                         gradient: UnsafeMutablePointer<Float>?) -> (loss: Float, correct: Int) {
        var total: Double = 0
        var correct = 0
        let invRows = 1 / Float(rows)
        for r in 0..<rows {
            let z = logits + r * classes
            let y = Int(labels[r])
            var m = z[0], best = 0
            for j in 1..<classes where z[j] > m { m = z[j]; best = j }
            if best == y { correct += 1 }
            var s: Float = 0
            for j in 0..<classes { s += exp(z[j] - m) }
            total += Double(m + log(s) - z[y])
            if let gradient {
                let g = gradient + r * classes
                let invS = 1 / s
                for j in 0..<classes {
                    let p = exp(z[j] - m) * invS
                    g[j] = (j == y ? p - 1 : p) * invRows
                }
            }
        }
        return (Float(total / Double(rows)), correct)
    }

    /// Mean loss of a logits matrix (rows x classes) against labels.
    /// Throws when the label count differs from the row count or a label is not below `cols`.
    public static func loss(logits: Matrix, labels: [UInt8]) throws -> Float {
        try check(logits: logits, labels: labels)
        return logits.values.withUnsafeBufferPointer { z in
            labels.withUnsafeBufferPointer { y in
                evaluate(logits: z.baseAddress!, labels: y.baseAddress!, rows: logits.rows,
                         classes: logits.cols, gradient: nil).loss
            }
        }
    }

    /// dLoss/dlogits (rows x classes) of the batch mean.
    public static func gradient(logits: Matrix, labels: [UInt8]) throws -> Matrix {
        try check(logits: logits, labels: labels)
        var out = Matrix(rows: logits.rows, cols: logits.cols)
        logits.values.withUnsafeBufferPointer { z in
            labels.withUnsafeBufferPointer { y in
                out.values.withUnsafeMutableBufferPointer { g in
                    _ = evaluate(logits: z.baseAddress!, labels: y.baseAddress!, rows: logits.rows,
                                 classes: logits.cols, gradient: g.baseAddress!)
                }
            }
        }
        return out
    }

    static func check(logits: Matrix, labels: [UInt8]) throws {
        guard logits.rows > 0, logits.cols > 0 else {
            throw NetsError.shape("cross-entropy needs at least one row and one class, got \(logits.rows) x \(logits.cols)")
        }
        guard labels.count == logits.rows else {
            throw NetsError.shape("cross-entropy: \(labels.count) labels for \(logits.rows) rows")
        }
        if let bad = labels.first(where: { Int($0) >= logits.cols }) {
            throw NetsError.argument("cross-entropy: label \(bad) is not below the class count \(logits.cols)")
        }
    }
}
