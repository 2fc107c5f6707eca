/// A Markdown document assembled block by block, in call order.
///
/// Blocks are separated by one blank line; the rendered text ends with a
/// single newline. Nothing here reads clocks or the environment, so the same
/// calls give the same bytes. Figure links are relative paths as given
/// (e.g. `figures/activations.svg`), so the report folder can move.
public struct ReportDocument: Sendable, Equatable {
    private var blocks: [String] = []

    public init() {}

    /// `#` .. `######` heading; `level` is clamped to 1...6.
    public mutating func heading(_ text: String, level: Int = 2) {
        blocks.append(String(repeating: "#", count: min(max(level, 1), 6)) + " " + Self.singleLine(text))
    }

    /// A paragraph of prose; its text is kept as written (Markdown allowed).
    public mutating func paragraph(_ text: String) {
        blocks.append(text.trimmingTrailingNewlines())
    }

    /// A bulleted list, one item per string.
    public mutating func bullets(_ items: [String]) {
        guard !items.isEmpty else { return }
        blocks.append(items.map { "- " + Self.singleLine($0) }.joined(separator: "\n"))
    }

    public mutating func table(_ table: MarkdownTable) {
        blocks.append(table.render().trimmingTrailingNewlines())
    }

    /// An image link `![caption](path)`, with an optional italic line below
    /// it (e.g. "Redraw: `gnuplot activations.gp` in figures/").
    public mutating func figure(caption: String, path: String, note: String? = nil) {
        let alt = Self.singleLine(caption).replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
        let link = "![\(alt)](\(path.replacingOccurrences(of: " ", with: "%20")))"
        blocks.append(note.map { link + "\n\n*" + Self.singleLine($0) + "*" } ?? link)
    }

    /// A fenced code block (the fence grows if the code itself holds ```).
    public mutating func code(_ text: String, language: String = "") {
        var fence = "```"
        while text.contains(fence) { fence += "`" }
        blocks.append(fence + language + "\n" + text.trimmingTrailingNewlines() + "\n" + fence)
    }

    /// Two-column table of where the numbers came from (stage, key, hash,
    /// tool version...), in the order given. Values are shown as code.
    public mutating func provenance(_ rows: [(name: String, value: String)], headers: (String, String) = ("item", "value")) {
        var t = MarkdownTable(headers: [headers.0, headers.1])
        for row in rows {
            // Two cells for two headers: cannot throw.
            try? t.addRow([row.name, row.value.isEmpty ? "" : "`" + row.value.replacingOccurrences(of: "`", with: "'") + "`"])
        }
        table(t)
    }

    public func render() -> String {
        blocks.joined(separator: "\n\n") + "\n"
    }

    private static func singleLine(_ s: String) -> String {
        String(s.map { $0.isNewline ? " " : $0 })
    }
}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        var s = Substring(self)
        while let last = s.last, last.isNewline { s = s.dropLast() }
        return String(s)
    }
}
