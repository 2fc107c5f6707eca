import Foundation
import Report

/// A table printed three ways, as `exp show`, `exp diff`, `params diff` and
/// `metrics diff` do: aligned text columns, a Markdown table (`--md`), or JSON
/// elsewhere. Cells are already formatted; text columns are left-aligned, number columns right.
struct ValueTable {
    let headers: [String]
    /// How many leading columns are text (left-aligned); the rest are numbers.
    let textColumns: Int
    var rows: [[String]] = []

    init(headers: [String], textColumns: Int = 1) { self.headers = headers; self.textColumns = textColumns }

    func text() -> String {
        let widths = headers.indices.map { c in ([headers[c]] + rows.map { $0[c] }).map(\.count).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.indices.map { c in
                let pad = String(repeating: " ", count: widths[c] - cells[c].count)
                return c < textColumns ? cells[c] + pad : pad + cells[c]
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        return ([line(headers)] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    func markdown() -> String {
        var t = MarkdownTable(headers: headers, alignments: headers.indices.map { $0 < textColumns ? .left : .right })
        for r in rows { try? t.addRow(r) }
        return t.render()
    }
}
