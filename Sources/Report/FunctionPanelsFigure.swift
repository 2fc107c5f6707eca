/// Figure 1: one panel per function (multiplot, row by row, `columns` wide),
/// each showing the function (solid) and its derivative (dashed).
///
/// Data: block i = curve i, columns `x f(x) f'(x)`.
public struct FunctionPanelsFigure: GnuplotFigure {
    public var curves: [FunctionCurve]
    public var columns: Int
    public var title: String?
    public var panelWidth: Int
    public var panelHeight: Int

    public init(curves: [FunctionCurve], columns: Int = 2, title: String? = nil,
                panelWidth: Int = 400, panelHeight: Int = 260) {
        self.curves = curves
        self.columns = columns
        self.title = title
        self.panelWidth = panelWidth
        self.panelHeight = panelHeight
    }

    /// `count` evenly spaced points from `lower` to `upper` inclusive
    /// (`numpy.linspace`): `lower + i * step`, last point exactly `upper`.
    public static func grid(from lower: Double, to upper: Double, count: Int) -> [Double] {
        guard count > 1 else { return count == 1 ? [lower] : [] }
        let step = (upper - lower) / Double(count - 1)
        return (0..<count).map { $0 == count - 1 ? upper : lower + Double($0) * step }
    }

    public func files(name: String) throws(FigureError) -> (data: String, script: String) {
        let fig = "FunctionPanelsFigure"
        guard !curves.isEmpty else { throw FigureError(figure: fig, field: "curves", expected: "at least one curve") }
        guard columns >= 1 else { throw FigureError(figure: fig, field: "columns", expected: ">= 1, got \(columns)") }
        var data = GnuplotData()
        var lo = Double.infinity, hi = -Double.infinity
        for c in curves {
            guard c.x.count >= 2, c.value.count == c.x.count, c.derivative.count == c.x.count else {
                throw FigureError(figure: fig, field: "curves[\(c.name)]",
                                  expected: "x, value and derivative of equal length >= 2 (got \(c.x.count), \(c.value.count), \(c.derivative.count))")
            }
            lo = min(lo, c.x.min() ?? lo)
            hi = max(hi, c.x.max() ?? hi)
            data.addBlock(comment: "\(c.name): x f(x) f'(x)",
                          rows: c.x.indices.map { [c.x[$0], c.value[$0], c.derivative[$0]] })
        }
        let rows = (curves.count + columns - 1) / columns
        var s = GnuplotScript(name: name, width: panelWidth * columns, height: panelHeight * rows + (title == nil ? 0 : 30))
        s.add([
            "set multiplot layout \(rows),\(columns)" + (title.map { " title " + GnuplotText.quoted($0) + " font ',13'" } ?? ""),
            "set grid",
            "set key top left box opaque",
            "set xrange [\(NumberFormat.general(lo)):\(NumberFormat.general(hi))]",
            "set xlabel 'x'",
            "set xzeroaxis lt -1",
            "set yzeroaxis lt -1",
        ])
        for (i, c) in curves.enumerated() {
            s.add("set title " + GnuplotText.quoted(c.name) + " font ',12'")
            s.add("plot \(s.data) index \(i) using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'f(x)', \\\n"
                + "     '' index \(i) using 1:3 with lines lw 2 dt 2 lc rgb '#d62728' title 'f''(x)'")
        }
        s.add("unset multiplot")
        return (data.text, s.text)
    }
}
