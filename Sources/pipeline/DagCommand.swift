import ArgumentParser
import Workflow

struct DagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dag", abstract: "Print the dependency graph.")

    @OptionGroup var project: ProjectOptions
    @Flag(help: "Graphviz DOT.") var dot = false
    @Flag(help: "Mermaid flowchart.") var mermaid = false

    func validate() throws {
        if dot && mermaid { throw ValidationError("choose one of --dot and --mermaid") }
    }

    func run() throws {
        let (pipeline, _) = try project.load()
        print(dot ? DagRenderer.dot(pipeline) : mermaid ? DagRenderer.mermaid(pipeline) : DagRenderer.text(pipeline))
    }
}
