/// Quoting for text placed in gnuplot scripts and data files.
enum GnuplotText {
    /// A single-quoted gnuplot string that prints `text` literally under the
    /// `enhanced` terminal: enhanced-mode markup characters get a backslash
    /// (which single quotes pass through) and `'` is doubled.
    static func quoted(_ text: String) -> String {
        var out = "'"
        for ch in text {
            switch ch {
            case "'": out += "''"
            case "\\", "^", "_", "@", "&", "~", "{", "}": out += "\\" + String(ch)
            case "\n", "\r", "\r\n": out += " "
            default: out.append(ch)
            }
        }
        return out + "'"
    }

    /// A double-quoted string field for a data file. gnuplot has no escape for
    /// `"` inside such a field, so it becomes `'`. Shown with `noenhanced`.
    static func dataField(_ text: String) -> String {
        "\"" + String(text.map { $0 == "\"" ? "'" : ($0.isNewline ? " " : $0) }) + "\""
    }
}
