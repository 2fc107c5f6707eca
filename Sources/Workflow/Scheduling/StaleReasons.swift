/// Reasons a stage must run, put in words for one line of `status` and of
/// `run`'s `run  X (...)` lines. The full list stays available (status --json);
/// only the line is summarised.
public enum StaleReasons {
    /// How many names a summarised list shows before "and N more".
    static let shown = 5

    /// The reasons joined with "; ". Runs of `input X changed` (and of `new
    /// input X`, `input X removed`, `input file X changed`) longer than `shown`
    /// become one entry: `52 inputs changed: a/x, b/x, c/x, d/x, e/x and 47 more`.
    public static func describe(_ reasons: [String]) -> String {
        let groups: [(prefix: String, suffix: String, noun: String)] = [
            ("input file ", " changed", "input files changed"), ("input ", " changed", "inputs changed"),
            ("new input file ", "", "new input files"), ("new input ", "", "new inputs"),
            ("input file ", " removed", "input files removed"), ("input ", " removed", "inputs removed"),
        ]
        func group(_ r: String) -> Int? { groups.firstIndex { matches(r, $0.prefix, $0.suffix) } }
        var out: [String] = []
        var taken = Set<Int>()
        for (i, r) in reasons.enumerated() where !taken.contains(i) {
            guard let gi = group(r) else { out.append(r); continue }
            let g = groups[gi]
            let members = reasons.indices.filter { !taken.contains($0) && group(reasons[$0]) == gi }
            if members.count <= shown { out.append(r); taken.insert(i); continue }
            members.forEach { taken.insert($0) }
            let names = members.map { String(reasons[$0].dropFirst(g.prefix.count).dropLast(g.suffix.count)) }
            out.append("\(names.count) \(g.noun): \(list(names))")
        }
        return out.joined(separator: "; ")
    }

    /// One reason for a stage waiting on upstream stages: `upstream 'a' must run
    /// first`, `upstream 'a', 'b' must run first` (summarised past `shown`).
    static func upstream(_ names: [String]) -> String {
        "upstream \(list(names.map { "'\($0)'" })) must run first"
    }

    /// `a, b, c` or, past `shown`, `a, b, c, d, e and 3 more`.
    static func list(_ names: [String]) -> String {
        names.count <= shown ? names.joined(separator: ", ")
                             : names.prefix(shown).joined(separator: ", ") + " and \(names.count - shown) more"
    }

    private static func matches(_ r: String, _ prefix: String, _ suffix: String) -> Bool {
        r.hasPrefix(prefix) && r.hasSuffix(suffix) && r.count > prefix.count + suffix.count
            && !r.dropFirst(prefix.count).dropLast(suffix.count).contains(" ")
    }
}
