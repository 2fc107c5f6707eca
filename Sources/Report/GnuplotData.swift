/// Builder for a gnuplot data file made of blocks, read back with `index i`.
///
/// Blocks are numbered from 0 in the order added and separated by two blank
/// lines (gnuplot's block separator). Numbers go through
/// `NumberFormat.general` (`%.6g`), so equal inputs give equal bytes.
struct GnuplotData {
    private var blocks: [String] = []

    /// Index the next block will have.
    var nextIndex: Int { blocks.count }

    /// Appends a block of numeric rows under a `#` comment; returns its index.
    @discardableResult
    mutating func addBlock(comment: String, rows: [[Double]], digits: Int = 6) -> Int {
        var text = "# " + comment + "\n"
        for row in rows {
            text += row.map { NumberFormat.general($0, digits: digits) }.joined(separator: " ") + "\n"
        }
        blocks.append(text)
        return blocks.count - 1
    }

    /// Appends a block whose rows are already formatted fields.
    @discardableResult
    mutating func addBlock(comment: String, fields: [[String]]) -> Int {
        var text = "# " + comment + "\n"
        for row in fields { text += row.joined(separator: " ") + "\n" }
        blocks.append(text)
        return blocks.count - 1
    }

    var text: String { blocks.joined(separator: "\n\n") }
}
