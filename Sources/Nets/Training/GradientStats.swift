/// Spread of each layer's weight gradient, as the reference tabulates it:
/// mean of |g| and the unbiased standard deviation (n - 1, like `torch.std`).
///
/// Accumulates in Double in element order (two passes: mean, then squares).
public enum GradientStats {
    public static func of(_ gradients: [Matrix]) -> (meanAbs: [Double], std: [Double]) {
        let pairs = gradients.map { stats($0.values) }
        return (pairs.map(\.meanAbs), pairs.map(\.std))
    }

    /// meanAbs and unbiased std of one array (std is 0 for fewer than 2 values, meanAbs 0 for none).
    public static func stats(_ values: [Float]) -> (meanAbs: Double, std: Double) {
        guard !values.isEmpty else { return (0, 0) }
        var sumAbs = 0.0, sum = 0.0
        for v in values { sumAbs += Double(abs(v)); sum += Double(v) }
        let n = Double(values.count)
        let mean = sum / n
        guard values.count > 1 else { return (sumAbs / n, 0) }
        var squares = 0.0
        for v in values { let d = Double(v) - mean; squares += d * d }
        return (sumAbs / n, (squares / (n - 1)).squareRoot())
    }
}
