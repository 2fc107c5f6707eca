import Foundation

/// Stable, locale-independent number formatting for tables and data files.
///
/// Everything goes through C `printf` conversions with the POSIX decimal point,
/// so the same Double always gives the same bytes. A result that would print as
/// negative zero ("-0.00") is written without the sign.
public enum NumberFormat {
    /// `x` with exactly `decimals` digits after the point: `fixed(3.14159, 2) == "3.14"`.
    public static func fixed(_ x: Double, _ decimals: Int = 2) -> String {
        guard x.isFinite else { return nonFinite(x) }
        return dropNegativeZero(String(format: "%.\(Swift.max(0, decimals))f", x))
    }

    /// A fraction in [0, 1] as a percentage: `percent(0.8862) == "88.62%"`.
    public static func percent(_ fraction: Double, _ decimals: Int = 2) -> String {
        guard fraction.isFinite else { return nonFinite(fraction) }
        return fixed(fraction * 100, decimals) + "%"
    }

    /// `"mean ± std"` with the same decimals on both: `meanStd(88.6, 0.314) == "88.60 ± 0.31"`.
    public static func meanStd(_ mean: Double, _ std: Double, _ decimals: Int = 2) -> String {
        "\(fixed(mean, decimals)) ± \(fixed(std, decimals))"
    }

    /// Like `meanStd` for fractions, as percentages: `"88.60 ± 0.31%"`.
    public static func meanStdPercent(_ mean: Double, _ std: Double, _ decimals: Int = 2) -> String {
        "\(fixed(mean * 100, decimals)) ± \(fixed(std * 100, decimals))%"
    }

    /// `printf("%.<digits>g")`: shortest of fixed or scientific with `digits`
    /// significant digits. Non-finite values become `NaN`, which gnuplot reads as
    /// a missing point.
    public static func general(_ x: Double, digits: Int = 6) -> String {
        guard x.isFinite else { return "NaN" }
        return dropNegativeZero(String(format: "%.\(Swift.max(1, digits))g", x))
    }

    /// Scientific notation with `decimals` digits after the point: `"1.23e-04"`.
    public static func scientific(_ x: Double, _ decimals: Int = 2) -> String {
        guard x.isFinite else { return nonFinite(x) }
        return dropNegativeZero(String(format: "%.\(Swift.max(0, decimals))e", x))
    }

    private static func nonFinite(_ x: Double) -> String {
        x.isNaN ? "NaN" : (x > 0 ? "inf" : "-inf")
    }

    private static func dropNegativeZero(_ s: String) -> String {
        guard s.hasPrefix("-"), !s.contains(where: { "123456789".contains($0) }) else { return s }
        return String(s.dropFirst())
    }
}
