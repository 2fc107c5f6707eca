import Report

/// One piece of report.md that a `ReportContributor` adds: Markdown text as
/// written, or a figure, which the report draws under `figures/` (`.dat`, `.gp`
/// and, with gnuplot, `.svg`) and links with its caption. Blocks are joined by
/// one newline, in order.
enum ReportBlock {
    case text(String)
    case figure(ReportFigure)
}

/// A figure of the report: its file name under `figures/` (no extension),
/// the caption report.md shows, and what draws it.
struct ReportFigure {
    var name: String
    var caption: String
    var figure: any GnuplotFigure
}
