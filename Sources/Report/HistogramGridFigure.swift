import Foundation

/// Figures 2 and 3: a facet grid of histograms, one panel per (row, column) —
/// e.g. activation x layer — each with a kernel-density line over the bars.
///
/// Each panel has its own range (`Histogram` over its data, `bins` bins). Bars
/// show counts, or a density when `density` is true. The line is gnuplot's
/// `smooth kdensity` over at most `kdeSampleLimit` strided raw values, weighted
/// so it is on the bars' scale, with a Scott bandwidth `std * m^(-1/5)`
/// computed here (the bin width when the sample has no spread).
///
/// Layout, like a seaborn `FacetGrid`: column names once above the top row,
/// row names once at the left (rotated), one shared x label under the grid,
/// about 3 round ticks per axis kept off the panels' corners. The grid is
/// `width` pixels wide whatever the column count, so it reads at the width
/// of a Markdown page; each row is `panelHeight` pixels tall.
///
/// Data: for panel p (row-major), block 2p = `center height width` per bin,
/// block 2p+1 = the sampled raw values.
public struct HistogramGridFigure: GnuplotFigure {
    public var rows: [String]
    public var columns: [String]
    /// `samples[row][column]`: the raw values of that panel.
    public var samples: [[[Float]]]
    public var bins: Int
    public var density: Bool
    public var kdeSampleLimit: Int
    public var title: String?
    public var xLabel: String?
    public var width: Int
    public var panelHeight: Int

    public init(rows: [String], columns: [String], samples: [[[Float]]], bins: Int, density: Bool,
                kdeSampleLimit: Int = 2000, title: String? = nil, xLabel: String? = nil,
                width: Int = 940, panelHeight: Int = 118) {
        self.rows = rows
        self.columns = columns
        self.samples = samples
        self.bins = bins
        self.density = density
        self.kdeSampleLimit = kdeSampleLimit
        self.title = title
        self.xLabel = xLabel
        self.width = width
        self.panelHeight = panelHeight
    }

    /// The histogram of every panel, `[row][column]`, as drawn.
    public func histograms() throws(FigureError) -> [[Histogram]] {
        let fig = "HistogramGridFigure"
        guard !rows.isEmpty, !columns.isEmpty else {
            throw FigureError(figure: fig, field: "rows/columns", expected: "at least one row and one column")
        }
        guard samples.count == rows.count else {
            throw FigureError(figure: fig, field: "samples", expected: "\(rows.count) rows (one per row name), got \(samples.count)")
        }
        var out: [[Histogram]] = []
        for (r, row) in samples.enumerated() {
            guard row.count == columns.count else {
                throw FigureError(figure: fig, field: "samples[\(rows[r])]",
                                  expected: "\(columns.count) columns (one per column name), got \(row.count)")
            }
            var line: [Histogram] = []
            for (c, values) in row.enumerated() {
                do { line.append(try Histogram(values, bins: bins)) } catch {
                    throw FigureError(figure: fig, field: "samples[\(rows[r])][\(columns[c])]", expected: "valid histogram input: \(error)")
                }
            }
            out.append(line)
        }
        return out
    }

    public func files(name: String) throws(FigureError) -> (data: String, script: String) {
        let hists = try histograms()
        var data = GnuplotData()
        // Per panel: its data blocks, axis ranges and ticks, and the KDE clause.
        var panels: [(bars: Int, xTicks: [Double], yTop: Double, yTicks: [Double], kde: String?, range: (Double, Double))] = []
        for (r, rowName) in rows.enumerated() {
            for (c, colName) in columns.enumerated() {
                let h = hists[r][c]
                let heights = density ? h.density() : h.counts.map(Double.init)
                let centers = h.centers
                let bars = data.addBlock(comment: "\(rowName) / \(colName): bin-center \(density ? "density" : "count") bin-width",
                                         rows: (0..<h.bins).map { [centers[$0], heights[$0], h.binWidth] })
                let sample = stridedSample(samples[r][c], limit: kdeSampleLimit).map(Double.init)
                let raw = data.addBlock(comment: "\(rowName) / \(colName): \(sample.count) of \(samples[r][c].count) raw values (strided)",
                                        rows: sample.map { [$0] }, digits: 4)
                var peak = heights.max() ?? 0
                var clause: String?
                if !sample.isEmpty {
                    let kde = KernelDensityLine(sample: sample, histogram: h, density: density)
                    // The line may rise above the tallest bar; size the axis for both.
                    for x in h.edges + centers { peak = max(peak, kde.value(at: x, sample: sample)) }
                    clause = kde.plotClause(index: raw)
                }
                let yTop = peak > 0 ? peak * 1.08 : 1
                let (lo, hi) = (h.edges[0], h.edges[h.bins])
                panels.append((bars, axisTicks(lower: lo, upper: hi), yTop,
                               axisTicks(lower: 0, upper: yTop, target: 3, inset: 0), clause, (lo, hi)))
            }
        }
        // Room left of each plot for the longest y tick label (font 9: ~5.5 px a character).
        let longest = panels.flatMap { $0.yTicks.map { tickLabel($0).count } }.max() ?? 1
        let grid = PanelGrid(rows: rows.count, columns: columns.count, width: width, cellHeight: panelHeight,
                             titleStrip: title == nil ? 0 : 28, bottomStrip: xLabel == nil ? 6 : 24,
                             tickLeft: 10 + Int((5.5 * Double(longest)).rounded(.up)))
        var s = GnuplotScript(name: name, width: grid.width, height: grid.height)
        s.add([
            "set multiplot",
            // No bar borders: they double the SVG's size for little gain.
            "set style fill solid 0.7 noborder",
            "set tics font ',9'",
            "set xtics nomirror out scale 0.5 offset 0,0.3",
            "set ytics nomirror out scale 0.5 offset 0.4,0",
            "set key off",
            "set samples 200",
        ])
        // Grid-wide text goes with the first panel only, then is cleared.
        if let title { s.add("set label " + GnuplotText.quoted(title) + " at screen \(grid.titleAt) center font ',13'") }
        for (c, col) in columns.enumerated() {
            s.add("set label " + GnuplotText.quoted(col) + " at screen \(grid.columnTitleAt(c)) center font ',10'")
        }
        for (r, row) in rows.enumerated() {
            s.add("set label " + GnuplotText.quoted(row) + " at screen \(grid.rowLabelAt(r)) center rotate by 90 font ',11'")
        }
        if let xLabel { s.add("set label " + GnuplotText.quoted(xLabel) + " at screen \(grid.bottomLabelAt) center font ',10'") }
        for r in rows.indices {
            for c in columns.indices {
                let p = panels[r * columns.count + c]
                s.add(grid.margins(row: r, column: c))
                s.add("set xrange [\(NumberFormat.general(p.range.0, digits: 9)):\(NumberFormat.general(p.range.1, digits: 9))]")
                s.add("set yrange [0:\(NumberFormat.general(p.yTop, digits: 6))]")
                s.add(p.xTicks.isEmpty ? "unset xtics" : "set xtics " + ticsList(p.xTicks))
                s.add(p.yTicks.isEmpty ? "unset ytics" : "set ytics " + ticsList(p.yTicks))
                var plot = "plot \(s.data) index \(p.bars) using 1:2:3 with boxes lc rgb '#5b9bd5'"
                if let k = p.kde { plot += ", \\\n     " + k + " with lines lw 1.5 lc rgb '#08306b'" }
                s.add(plot)
                if r == 0 && c == 0 { s.add("unset label") }
            }
        }
        s.add("unset multiplot")
        return (data.text, s.text)
    }
}
