/// Text, Graphviz DOT and Mermaid views of the dependency graph, in `stages` order.
public enum DagRenderer {
    public static func text(_ p: Pipeline) -> String {
        p.stages.map { s in s.deps.isEmpty ? s.name : "\(s.name) <- \(s.deps.joined(separator: ", "))" }.joined(separator: "\n")
    }

    public static func dot(_ p: Pipeline) -> String {
        var lines = ["digraph pipeline {", "  rankdir=LR;"]
        for s in p.stages { lines.append("  \"\(s.name)\" [label=\"\(s.name)\\n(\(s.kind.name))\"];") }
        for s in p.stages { for d in s.deps { lines.append("  \"\(d)\" -> \"\(s.name)\";") } }
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    public static func mermaid(_ p: Pipeline) -> String {
        // Mermaid ids cannot hold '@', so nodes get positional ids and the name as label.
        var lines = ["graph LR"]
        for (i, s) in p.stages.enumerated() { lines.append("  n\(i)[\"\(s.name)\"]") }
        for (i, s) in p.stages.enumerated() {
            for d in s.deps { if let j = p.position(of: d) { lines.append("  n\(j) --> n\(i)") } }
        }
        return lines.joined(separator: "\n")
    }
}
