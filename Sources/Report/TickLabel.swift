import Foundation

/// Short tick-mark text for narrow panels, stable across runs.
///
/// `|v| >= 1000` gets an SI suffix (`12000` -> `12k`, `1500000` -> `1.5M`);
/// `0 < |v| < 0.01` gets a short exponent (`0.0005` -> `5e-4`); anything else
/// prints as `%g` with 3 significant digits. Zero prints as `0`.
func tickLabel(_ v: Double) -> String {
    guard v.isFinite else { return NumberFormat.general(v) }
    let a = abs(v)
    if a >= 1_000_000 { return NumberFormat.general(v / 1_000_000, digits: 3) + "M" }
    if a >= 1000 { return NumberFormat.general(v / 1000, digits: 3) + "k" }
    if a > 0, a < 0.01 {
        // "%.2e" then trim: "5.00e-04" -> "5e-4".
        let parts = NumberFormat.scientific(v, 2).split(separator: "e")
        guard parts.count == 2, let exponent = Int(parts[1]) else { return NumberFormat.general(v, digits: 3) }
        var mantissa = String(parts[0])
        while mantissa.hasSuffix("0") { mantissa.removeLast() }
        if mantissa.hasSuffix(".") { mantissa.removeLast() }
        return mantissa + "e" + String(exponent)
    }
    return NumberFormat.general(v, digits: 3)
}

/// A gnuplot tics list placing `tickLabel` text at each position:
/// `("0" 0, "5k" 5000)`. Empty list for no ticks.
func ticsList(_ ticks: [Double]) -> String {
    "(" + ticks.map { "\"\(tickLabel($0))\" \(NumberFormat.general($0, digits: 9))" }.joined(separator: ", ") + ")"
}
