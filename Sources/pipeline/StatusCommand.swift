import ArgumentParser
import Workflow

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show which stages are up to date or stale, and why.")

    @OptionGroup var project: ProjectOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let (pipeline, store) = try project.load()
        let report: StatusReport
        do { report = try StatusReport.make(pipeline: pipeline, store: store) } catch { fail(error) }
        print(json ? CanonicalJSON.string(report.json, pretty: true) : report.text)
        if !json {
            do { for line in try SlurmStatus.lines(store: store) { print(line) } } catch { print("slurm: cannot list jobs: \(error)") }
        }
    }
}
