/// A GitHub-flavoured Markdown pipe table.
///
/// Output: header row, alignment row, then the rows in insertion order; every
/// column padded to its widest cell (counted in Characters) so the source reads
/// as a table too. `|` in a cell is escaped as `\|`, line breaks become spaces.
/// Ends with a newline.
public struct MarkdownTable: Sendable, Equatable {
    public enum Alignment: Sendable, Equatable { case left, center, right }

    public let headers: [String]
    public let alignments: [Alignment]
    public private(set) var rows: [[String]] = []

    /// `alignments` may be shorter than `headers`: missing columns align left.
    public init(headers: [String], alignments: [Alignment] = []) {
        self.headers = headers
        self.alignments = (0..<headers.count).map { $0 < alignments.count ? alignments[$0] : .left }
    }

    /// Appends a row; it must have one cell per header.
    public mutating func addRow(_ cells: [String]) throws(MarkdownTableError) {
        guard cells.count == headers.count else {
            throw .cellCount(row: rows.count + 1, got: cells.count, expected: headers.count)
        }
        rows.append(cells)
    }

    public func render() -> String {
        let head = headers.map(Self.escape)
        let body = rows.map { $0.map(Self.escape) }
        let widths = headers.indices.map { c in
            Swift.max(3, ([head[c]] + body.map { $0[c] }).map(\.count).max() ?? 0)
        }
        func line(_ cells: [String]) -> String {
            let padded = cells.indices.map { pad(cells[$0], widths[$0], alignments[$0]) }
            return "| " + padded.joined(separator: " | ") + " |\n"
        }
        let rule = headers.indices.map { c -> String in
            let w = widths[c]
            switch alignments[c] {
            case .left: return ":" + String(repeating: "-", count: w - 1)
            case .right: return String(repeating: "-", count: w - 1) + ":"
            case .center: return ":" + String(repeating: "-", count: w - 2) + ":"
            }
        }
        return line(head) + "| " + rule.joined(separator: " | ") + " |\n" + body.map(line).joined()
    }

    static func escape(_ cell: String) -> String {
        var out = ""
        for ch in cell {
            switch ch {
            case "|": out += "\\|"
            case "\n", "\r", "\r\n": out += " "
            default: out.append(ch)
            }
        }
        return out
    }

    private func pad(_ s: String, _ width: Int, _ alignment: Alignment) -> String {
        let gap = width - s.count
        switch alignment {
        case .left: return s + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + s
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + s + String(repeating: " ", count: gap - left)
        }
    }
}
