/// Figure 5: small bar-chart panels side by side (`columns` per row), one per
/// group, since the groups may have different bar counts (e.g. dead neurons
/// per layer of a 4- and a 10-layer network). Panels share the y range so
/// heights compare across them.
///
/// Data: block i = group i, columns `position value "label" "annotation"`.
public struct BarGroupsFigure: GnuplotFigure {
    public var groups: [BarGroup]
    public var yLabel: String
    /// Under every panel (e.g. "hidden layer"); none when nil.
    public var xLabel: String?
    public var title: String?
    public var columns: Int
    public var panelWidth: Int
    public var panelHeight: Int

    public init(groups: [BarGroup], yLabel: String, xLabel: String? = nil, title: String? = nil, columns: Int? = nil,
                panelWidth: Int = 300, panelHeight: Int = 300) {
        self.groups = groups
        self.yLabel = yLabel
        self.xLabel = xLabel
        self.title = title
        self.columns = columns ?? groups.count
        self.panelWidth = panelWidth
        self.panelHeight = panelHeight
    }

    public func files(name: String) throws(FigureError) -> (data: String, script: String) {
        let fig = "BarGroupsFigure"
        guard !groups.isEmpty else { throw FigureError(figure: fig, field: "groups", expected: "at least one group") }
        guard columns >= 1 else { throw FigureError(figure: fig, field: "columns", expected: ">= 1, got \(columns)") }
        var data = GnuplotData()
        var top = 0.0
        for g in groups {
            guard !g.values.isEmpty, g.labels.count == g.values.count else {
                throw FigureError(figure: fig, field: "groups[\(g.title)]",
                                  expected: "one label per value and at least one value (got \(g.labels.count) labels, \(g.values.count) values)")
            }
            if let a = g.annotations, a.count != g.values.count {
                throw FigureError(figure: fig, field: "groups[\(g.title)].annotations", expected: "\(g.values.count) annotations, got \(a.count)")
            }
            if let bad = g.values.firstIndex(where: { !$0.isFinite }) {
                throw FigureError(figure: fig, field: "groups[\(g.title)].values[\(bad)]", expected: "a finite number, got \(g.values[bad])")
            }
            top = max(top, g.values.max() ?? 0)
            data.addBlock(comment: "\(g.title): position value label annotation", fields: g.values.indices.map { i in
                [String(i), NumberFormat.general(g.values[i]), GnuplotText.dataField(g.labels[i]),
                 GnuplotText.dataField(g.annotations?[i] ?? "")]
            })
        }
        let rows = (groups.count + columns - 1) / columns
        let longLabels = groups.contains { $0.labels.contains { $0.count > 3 } }
        let header = title == nil ? 0 : 30
        let height = panelHeight * rows + header
        var s = GnuplotScript(name: name, width: panelWidth * columns, height: height)
        let placement = panelPlacement()
        // Headroom above the tallest bar for its annotation.
        let yMax = top > 0 ? top * 1.18 : 1
        s.add([
            // Placed by hand (origin, size) rather than `layout`: see panelPlacement.
            "set multiplot" + (title.map { " title " + GnuplotText.quoted($0) + " font ',13'" } ?? ""),
            "set style fill solid 0.7 border lc rgb '#08306b'",
            "set boxwidth 0.7",
            "set key off",
            "set grid ytics",
            // Short labels (layer numbers) stand upright; long ones are tilted so they do not collide.
            "set xtics noenhanced nomirror scale 0 font ',9'" + (longLabels ? " rotate by -30" : ""),
            "set ytics nomirror",
            "set yrange [0:\(NumberFormat.general(yMax))]",
            "set ylabel " + GnuplotText.quoted(yLabel),
            // A fixed left margin keeps panels equally wide with or without the y label.
            "set lmargin 8",
        ])
        if let xLabel { s.add("set xlabel " + GnuplotText.quoted(xLabel) + " font ',10'") }
        for (i, g) in groups.enumerated() {
            // The y label once per row of panels: the y range is shared.
            if columns > 1 && i % columns == 1 { s.add("set ylabel ''") }
            if columns > 1 && i % columns == 0 && i > 0 { s.add("set ylabel " + GnuplotText.quoted(yLabel)) }
            let (x, w) = placement[i]
            let y = Double((rows - 1 - i / columns) * panelHeight) / Double(height)
            s.add("set origin \(NumberFormat.fixed(x, 4)),\(NumberFormat.fixed(y, 4))")
            s.add("set size \(NumberFormat.fixed(w, 4)),\(NumberFormat.fixed(Double(panelHeight) / Double(height), 4))")
            s.add("set title " + GnuplotText.quoted(g.title) + " font ',11'")
            s.add("set xrange [-0.6:\(NumberFormat.general(Double(g.values.count) - 0.4))]")
            s.add("plot \(s.data) index \(i) using 1:2:xtic(3) with boxes lc rgb '#4292c6', \\\n"
                + "     '' index \(i) using 1:2:4 with labels noenhanced offset 0,0.7 font ',8'")
        }
        s.add("unset multiplot")
        return (data.text, s.text)
    }

    /// Screen x and width of each panel. Within a row, widths are in
    /// proportion to `bars + 3`, so a 10-bar panel gets room for its
    /// annotations while a 4-bar one does not stretch; rows fill the width.
    func panelPlacement() -> [(x: Double, width: Double)] {
        var out: [(x: Double, width: Double)] = []
        for start in stride(from: 0, to: groups.count, by: columns) {
            let row = groups[start..<min(start + columns, groups.count)]
            let weights = row.map { Double($0.values.count + 3) }
            // A short last row keeps the same scale as a full row would have.
            let total = weights.reduce(0, +) * Double(columns) / Double(row.count)
            var x = 0.0
            for w in weights {
                out.append((x, w / total))
                x += w / total
            }
        }
        return out
    }
}
