import ArgumentParser
import Foundation
import Workflow

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one stage: key, params, inputs, outputs, timing.")

    @OptionGroup var project: ProjectOptions
    @Argument(help: "A stage instance name.") var target: String

    func run() throws {
        let (pipeline, store, stage) = try project.loadStage(target, for: "show")
        let lock: LockFile
        do { lock = try LockFile.read(root: pipeline.root) } catch { fail(error) }
        let eval = Planner(pipeline: pipeline, store: store, lock: lock).evaluateAll().first { $0.name == stage.name }
        var lines = ["stage    \(stage.name)", "kind     \(stage.kind.name) (version \(stage.kind.version))",
                     "key      \(eval?.key ?? "(unknown until upstream runs)")",
                     "state    " + (eval?.record != nil ? "up to date" : "stale (\(eval?.reasons.joined(separator: "; ") ?? ""))"),
                     "params   \(CanonicalJSON.string(stage.params))"]
        if let a = StageAttempt.last(store: store, stage: stage.name) {
            lines.append("last run \(a.outcome.rawValue) at \(a.finished)\(a.error.map { ": \($0)" } ?? "")")
            lines.append("log      \(a.log)")
        }
        guard let record = eval?.record ?? lock.entries[stage.name] else {
            lines.append("never run")
            print(lines.joined(separator: "\n"))
            return
        }
        if eval?.record == nil { lines.append("last run (from pipeline.lock.json):") }
        lines.append("inputs")
        for (dep, files) in record.inputs.sorted(by: { $0.key < $1.key }) {
            for (f, h) in files.sorted(by: { $0.key < $1.key }) { lines.append("  \(dep)/\(f)  \(h)") }
        }
        if let numerics = record.numerics { lines.append("numerics \(numerics)") }
        lines.append("outputs")
        for (f, o) in record.outputs.sorted(by: { $0.key < $1.key }) { lines.append("  \(f)  \(o.hash)  \(o.size) bytes") }
        if !record.started.isEmpty { lines.append("ran      \(record.started) for \(String(format: "%.3f", record.seconds))s with \(record.tool)" + (record.host.isEmpty ? "" : " on \(record.host)")) }
        print(lines.joined(separator: "\n"))
    }
}
