/// Pixel layout of a facet grid (rows x columns of panels), as gnuplot screen
/// fractions, so every panel gets explicit margins instead of `multiplot
/// layout`'s guesses.
///
/// From the top: an optional title strip, a strip of column titles, then the
/// rows; a strip on the left for row labels and one at the bottom for a shared
/// axis label. Inside each cell the plot area leaves `tickLeft` pixels for y
/// tick labels and `tickBelow` for x tick labels; `gap` separates cells.
struct PanelGrid {
    var rows: Int
    var columns: Int
    var width: Int
    var cellHeight: Int
    var titleStrip: Int
    var headerStrip = 20
    var rowLabelStrip = 24
    var bottomStrip: Int
    var tickLeft = 30
    var tickBelow = 17
    var gap = 8

    var height: Int { titleStrip + headerStrip + rows * cellHeight + bottomStrip }
    var cellWidth: Double { Double(width - rowLabelStrip - gap) / Double(columns) }

    /// Plot area of panel (row, column), in pixels from the bottom-left corner.
    func plotArea(row: Int, column: Int) -> (left: Double, right: Double, bottom: Double, top: Double) {
        let left = Double(rowLabelStrip) + Double(column) * cellWidth
        let cellTop = Double(height - titleStrip - headerStrip - row * cellHeight)
        return (left + Double(tickLeft), left + cellWidth - Double(gap),
                cellTop - Double(cellHeight) + Double(tickBelow), cellTop - 4)
    }

    /// `set lmargin/rmargin/bmargin/tmargin at screen ...` for that panel.
    func margins(row: Int, column: Int) -> [String] {
        let a = plotArea(row: row, column: column)
        return [("l", a.left / Double(width)), ("r", a.right / Double(width)),
                ("b", a.bottom / Double(height)), ("t", a.top / Double(height))]
            .map { "set \($0.0)margin at screen \(NumberFormat.fixed($0.1, 4))" }
    }

    /// Screen fractions `x,y` of a pixel position, for `set label ... at screen`.
    func screen(_ x: Double, _ y: Double) -> String {
        NumberFormat.fixed(x / Double(width), 4) + "," + NumberFormat.fixed(y / Double(height), 4)
    }

    /// Centre of the column titles above column `c` and of the row labels left of row `r`.
    func columnTitleAt(_ c: Int) -> String {
        let a = plotArea(row: 0, column: c)
        return screen((a.left + a.right) / 2, Double(height - titleStrip) - Double(headerStrip) / 2)
    }

    func rowLabelAt(_ r: Int) -> String {
        let a = plotArea(row: r, column: 0)
        return screen(Double(rowLabelStrip) / 2, (a.bottom + a.top) / 2)
    }

    /// Centre of the title strip and of the bottom strip, over all plot areas.
    var titleAt: String { screen(Double(width) / 2, Double(height) - Double(titleStrip) / 2) }
    var bottomLabelAt: String {
        let l = plotArea(row: 0, column: 0).left, r = plotArea(row: 0, column: columns - 1).right
        return screen((l + r) / 2, Double(bottomStrip) / 2)
    }
}
