import ArgumentParser
import Foundation
import Workflow

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "Print the log of a stage's last run (failed runs included).")

    @OptionGroup var project: ProjectOptions
    @Argument(help: "A stage instance name.") var target: String

    func run() throws {
        let (_, store, stage) = try project.loadStage(target, for: "log")
        guard let attempt = StageAttempt.last(store: store, stage: stage.name) else {
            fail(EngineError("stage '\(stage.name)' has no log in \(store.root.path) (it has not run with this store)"))
        }
        let bytes: [UInt8]?
        do { bytes = try WholeFile.readIfPresent(attempt.log) } catch { fail(error) }
        guard let bytes else { fail(EngineError("\(attempt.log): the log of stage '\(stage.name)' is missing")) }
        FileHandle.standardOutput.write(Data(bytes))
    }
}
