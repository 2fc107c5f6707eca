/// A row that does not fit its table.
public enum MarkdownTableError: Error, Equatable, Sendable, CustomStringConvertible {
    case cellCount(row: Int, got: Int, expected: Int)

    public var description: String {
        switch self {
        case .cellCount(let row, let got, let expected):
            return "markdown table: row \(row) has \(got) cells, expected \(expected) (one per header)"
        }
    }
}
