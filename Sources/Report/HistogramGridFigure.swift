import Foundation

/// Figures 2 and 3: a grid of histograms, one panel per (row, column) — e.g.
/// activation x layer — each with a kernel-density line over the bars.
///
/// Each panel has its own range (`Histogram` over its data, `bins` bins). Bars
/// show counts, or a density when `density` is true. The line is gnuplot's
/// `smooth kdensity` over at most `kdeSampleLimit` strided raw values, weighted
/// so it is on the bars' scale, with a Scott bandwidth `std * m^(-1/5)`
/// computed here (the bin width when the sample has no spread).
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
    public var panelWidth: Int
    public var panelHeight: Int

    public init(rows: [String], columns: [String], samples: [[[Float]]], bins: Int, density: Bool,
                kdeSampleLimit: Int = 2000, title: String? = nil, xLabel: String? = nil,
                panelWidth: Int = 230, panelHeight: Int = 170) {
        self.rows = rows
        self.columns = columns
        self.samples = samples
        self.bins = bins
        self.density = density
        self.kdeSampleLimit = kdeSampleLimit
        self.title = title
        self.xLabel = xLabel
        self.panelWidth = panelWidth
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
        let header = title == nil ? 0 : 30
        var s = GnuplotScript(name: name, width: panelWidth * columns.count, height: panelHeight * rows.count + header)
        let top = 1 - Double(header) / Double(panelHeight * rows.count + header)
        s.add([
            "set multiplot layout \(rows.count),\(columns.count)"
                + (title.map { " title " + GnuplotText.quoted($0) + " font ',14'" } ?? "")
                + " margins 0.045,0.99,0.05,\(NumberFormat.fixed(top - 0.03, 3)) spacing 0.05,0.075",
            // No bar borders: they double the SVG's size for little gain.
            "set style fill solid 0.7 noborder",
            "set tics font ',7'",
            "set xtics nomirror out scale 0.5",
            "set ytics nomirror out scale 0.5",
            "set format x '%g'",
            "set format y '%g'",
            "set key off",
            "set yrange [0:*]",
            "set samples 200",
        ])
        if let xLabel { s.add("set xlabel " + GnuplotText.quoted(xLabel) + " font ',7' offset 0,1") }
        var data = GnuplotData()
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
                s.add("set title " + GnuplotText.quoted("\(rowName): \(colName)") + " font ',9' offset 0,-0.6")
                s.add("set xrange [\(NumberFormat.general(h.edges[0], digits: 9)):\(NumberFormat.general(h.edges[h.bins], digits: 9))]")
                s.add("set xtics \(NumberFormat.general(niceTickStep(span: h.edges[h.bins] - h.edges[0], ticks: 4)))")
                var plot = "plot \(s.data) index \(bars) using 1:2:3 with boxes lc rgb '#5b9bd5'"
                if !sample.isEmpty {
                    let kde = KernelDensityLine(sample: sample, histogram: h, density: density)
                    plot += ", \\\n     " + kde.plotClause(index: raw) + " with lines lw 1.5 lc rgb '#08306b'"
                }
                s.add(plot)
            }
        }
        s.add("unset multiplot")
        return (data.text, s.text)
    }
}
