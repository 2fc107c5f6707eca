import Support

/// Spread of each layer's weight gradient, as the reference tabulates it:
/// mean of |g| and the unbiased standard deviation (n - 1, like `torch.std`),
/// by `SummaryStats` (accumulated in Double in element order).
public enum GradientStats {
    public static func of(_ gradients: [Matrix]) -> (meanAbs: [Double], std: [Double]) {
        let pairs = gradients.map { stats($0.values) }
        return (pairs.map(\.meanAbs), pairs.map(\.std))
    }

    /// meanAbs and std of one array, with `SummaryStats`' convention (std 0 for one value, both NaN for none).
    public static func stats(_ values: [Float]) -> (meanAbs: Double, std: Double) {
        let s = SummaryStats(values)
        return (s.meanAbs, s.std)
    }
}
