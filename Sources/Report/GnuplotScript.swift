/// Builder for a gnuplot script that draws `name.svg` from `name.dat` in the
/// script's own folder (relative paths only, so the folder can move).
struct GnuplotScript {
    private(set) var lines: [String]
    let dataFile: String

    /// Starts the script: SVG terminal of the given pixel size, output file.
    init(name: String, width: Int, height: Int) {
        dataFile = name + ".dat"
        lines = [
            "# Draws \(name).svg from \(name).dat; run `gnuplot \(name).gp` in this folder.",
            "set terminal svg size \(width),\(height) dynamic enhanced font 'Helvetica,10'",
            "set output '\(name).svg'",
        ]
    }

    /// The data file name as a quoted gnuplot string.
    var data: String { "'" + dataFile + "'" }

    mutating func add(_ line: String) { lines.append(line) }
    mutating func add(_ more: [String]) { lines += more }

    var text: String { (lines + ["unset output"]).joined(separator: "\n") + "\n" }
}
