import ArgumentParser
import Foundation
import Workflow

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "Print the log of a stage's last run (failed runs included).")

    @OptionGroup var project: ProjectOptions
    @Argument(help: "A stage instance name.") var target: String

    func run() throws {
        let (pipeline, store) = try project.load()
        let names: [String]
        do { names = try pipeline.resolve(target: target) } catch { fail(error) }
        guard names.count == 1 else {
            fail(PipelineError("'\(target)' names \(names.count) stages (\(names.joined(separator: ", "))); log needs one"))
        }
        guard let attempt = StageAttempt.last(store: store, stage: names[0]) else {
            fail(EngineError("stage '\(names[0])' has no log in \(store.root.path) (it has not run with this store)"))
        }
        guard let data = FileManager.default.contents(atPath: attempt.log) else {
            fail(EngineError("\(attempt.log): the log of stage '\(names[0])' is missing"))
        }
        FileHandle.standardOutput.write(data)
    }
}
