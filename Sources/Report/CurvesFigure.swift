import Foundation
import Support

/// Figure 4: one line per series (the mean over its runs at each epoch) with
/// a shaded band (`filledcurves`) showing the spread across runs.
///
/// At epoch e the statistics use only the runs that reached e, so a series
/// ends where its longest run ends. Band: `.minMax` spans the runs' min..max;
/// `.standardDeviation` spans mean ± unbiased std (zero width for one run).
///
/// Data: block i = series i, columns `epoch mean lower upper runs`.
public struct CurvesFigure: GnuplotFigure {
    public enum Band: Sendable, Equatable { case minMax, standardDeviation }

    public var series: [CurveSeries]
    public var band: Band
    public var title: String?
    public var xLabel: String
    public var yLabel: String
    /// Number given to each run's first value (1 = first epoch after training starts).
    public var firstEpoch: Int
    public var width: Int
    public var height: Int

    public init(series: [CurveSeries], band: Band = .minMax, title: String? = nil,
                xLabel: String = "epoch", yLabel: String, firstEpoch: Int = 1,
                width: Int = 760, height: Int = 480) {
        self.series = series
        self.band = band
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.firstEpoch = firstEpoch
        self.width = width
        self.height = height
    }

    /// Rows `[epoch, mean, lower, upper, runs]` of one series, as plotted.
    public func statistics(of s: CurveSeries) -> [[Double]] {
        let length = s.runs.map(\.count).max() ?? 0
        return (0..<length).map { e in
            let values = s.runs.compactMap { e < $0.count ? $0[e] : nil }
            let st = SummaryStats(values)
            let (lower, upper): (Double, Double)
            switch band {
            case .minMax: (lower, upper) = (st.min, st.max)
            case .standardDeviation:
                let sd = st.std.isFinite ? st.std : 0
                (lower, upper) = (st.mean - sd, st.mean + sd)
            }
            return [Double(firstEpoch + e), st.mean, lower, upper, Double(values.count)]
        }
    }

    /// The smallest of 1, 2, 5, 10, 20, 50, ... giving at most 12 epoch tics.
    static func epochStep(lastEpoch: Int, firstEpoch: Int) -> Int {
        let span = max(lastEpoch - firstEpoch, 1)
        var power = 1
        while true {
            for m in [1, 2, 5] where span / (m * power) + 1 <= 12 { return m * power }
            power *= 10
        }
    }

    /// A colour-blind-safe palette (Okabe–Ito), cycled.
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]

    public func files(name: String) throws(FigureError) -> (data: String, script: String) {
        let fig = "CurvesFigure"
        guard !series.isEmpty else { throw FigureError(figure: fig, field: "series", expected: "at least one series") }
        var data = GnuplotData()
        let length = series.map { $0.runs.map(\.count).max() ?? 0 }.max() ?? 0
        for s in series {
            guard s.runs.contains(where: { !$0.isEmpty }) else {
                throw FigureError(figure: fig, field: "series[\(s.name)].runs", expected: "at least one run with at least one value")
            }
            for (r, run) in s.runs.enumerated() {
                if let e = run.firstIndex(where: { !$0.isFinite }) {
                    throw FigureError(figure: fig, field: "series[\(s.name)].runs[\(r)][\(e)]", expected: "a finite number, got \(run[e])")
                }
            }
            let bandName = band == .minMax ? "min max" : "mean-std mean+std"
            data.addBlock(comment: "\(s.name): epoch mean \(bandName) runs", rows: statistics(of: s))
        }
        var sc = GnuplotScript(name: name, width: width, height: height)
        if let title { sc.add("set title " + GnuplotText.quoted(title) + " font ',13'") }
        sc.add([
            "set xlabel " + GnuplotText.quoted(xLabel),
            "set ylabel " + GnuplotText.quoted(yLabel),
            "set grid",
            "set key outside right top noenhanced",
            "set style fill transparent solid 0.18 noborder",
            // Epochs are whole numbers: a step of 1, 2, 5, 10, ... keeps at most 12 tics.
            "set xtics nomirror \(Self.epochStep(lastEpoch: firstEpoch + length - 1, firstEpoch: firstEpoch))",
            "set xrange [\(firstEpoch):\(max(firstEpoch + length - 1, firstEpoch + 1))]",
            "set ytics nomirror",
        ])
        var parts: [String] = []
        for (i, s) in series.enumerated() {
            let colour = "lc rgb '\(Self.palette[i % Self.palette.count])'"
            parts.append("\(i == 0 ? sc.data : "''") index \(i) using 1:3:4 with filledcurves \(colour) notitle")
            parts.append("'' index \(i) using 1:2 with lines lw 2 \(colour) title \(GnuplotText.quoted(s.name))")
        }
        sc.add("plot " + parts.joined(separator: ", \\\n     "))
        return (data.text, sc.text)
    }
}
