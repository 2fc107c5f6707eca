import Foundation
import Testing
@testable import Report

/// The facet-grid and bar-panel layouts: panels inside the canvas, apart,
/// and each name drawn once.
struct FacetLayoutTests {
    @Test func gridPanelsAreInsideTheCanvasAndDoNotOverlap() {
        let g = PanelGrid(rows: 6, columns: 8, width: 940, cellHeight: 118, titleStrip: 28, bottomStrip: 24)
        #expect(g.height == 28 + 20 + 6 * 118 + 24)
        var areas: [(left: Double, right: Double, bottom: Double, top: Double)] = []
        for r in 0..<6 { for c in 0..<8 { areas.append(g.plotArea(row: r, column: c)) } }
        for a in areas {
            #expect(a.left >= Double(g.rowLabelStrip) && a.right <= Double(g.width) && a.left < a.right)
            #expect(a.bottom >= Double(g.bottomStrip) && a.top <= Double(g.height - g.titleStrip - g.headerStrip) && a.bottom < a.top)
        }
        // Neighbours leave room for tick labels: the y labels' strip on the left, x labels' below.
        let (a, right, below) = (g.plotArea(row: 0, column: 0), g.plotArea(row: 0, column: 1), g.plotArea(row: 1, column: 0))
        #expect(right.left - a.right >= Double(g.tickLeft + g.gap))
        #expect(a.bottom - below.top >= Double(g.tickBelow))
        print("panel plot area \(a.right - a.left) x \(a.top - a.bottom) px")
    }

    @Test func histogramGridNamesEachRowAndColumnOnce() throws {
        let rows = ["ReLU", "Tanh"], cols = ["layer 1", "layer 2", "layer 3"]
        let samples = rows.indices.map { r in cols.indices.map { c in testNormals(count: 500, seed: UInt64(r * 3 + c)) } }
        let fig = HistogramGridFigure(rows: rows, columns: cols, samples: samples, bins: 20, density: true, xLabel: "output")
        let (_, script) = try fig.files(name: "g")
        for name in rows + cols + ["output"] {
            #expect(script.components(separatedBy: "'\(name)'").count - 1 == 1, "\(name) labelled once")
        }
        // Labels are cleared after the first panel, so gnuplot draws them once.
        let lines = script.split(separator: "\n")
        let firstPlot = lines.firstIndex { $0.hasPrefix("plot ") } ?? lines.count
        #expect(lines.lastIndex { $0.hasPrefix("set label") }.map { $0 < firstPlot } == true)
        #expect(lines.filter { $0 == "unset label" }.count == 1)
        #expect(!script.contains("set title") && !script.contains("set xlabel"))
        let svg = try renderTwiceAndCompare(fig, name: "facets")
        for name in rows + cols { #expect(svg.components(separatedBy: ">\(name)<").count - 1 == 1, "\(name) drawn once") }
    }

    @Test func barPanelsAreAsWideAsTheirBars() {
        func group(_ n: Int) -> BarGroup { BarGroup(title: "g\(n)", labels: (1...n).map(String.init), values: (1...n).map(Double.init)) }
        let fig = BarGroupsFigure(groups: [group(4), group(4), group(10)], yLabel: "y")
        let p = fig.panelPlacement()
        #expect(p.count == 3)
        #expect(abs(p[0].width - 7.0 / 27) < 1e-12 && abs(p[2].width - 13.0 / 27) < 1e-12)
        #expect(abs(p[1].x - 7.0 / 27) < 1e-12 && abs(p[2].x + p[2].width - 1) < 1e-12)
        // Two per row: the short last row keeps a full row's scale.
        let two = BarGroupsFigure(groups: [group(4), group(4), group(4)], yLabel: "y", columns: 2).panelPlacement()
        #expect(two[2].x == 0 && abs(two[2].width - 0.5) < 1e-12)
    }
}
