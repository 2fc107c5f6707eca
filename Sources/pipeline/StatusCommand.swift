import ArgumentParser
import Workflow

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show which stages are up to date or stale, and why.")

    @OptionGroup var project: ProjectOptions
    @Flag(help: "Print JSON.") var json = false
    @Flag(help: "Exit with status 1 when any stage is stale (0 when all are up to date).") var exitCode = false
    @Flag(name: .short, help: "Quiet: print nothing; exit 1 when any stage is stale (implies --exit-code).") var quiet = false

    func run() throws {
        let (pipeline, store, lockFile) = try project.loadReadingLock()
        let report: StatusReport
        do { report = try StatusReport.make(pipeline: pipeline, store: store, lockFile: lockFile, processExitsAfter: true) } catch { fail(error) }
        defer { ExitLeak.keep((pipeline, store, report)) }
        if quiet {
            if report.entries.contains(where: { !$0.upToDate }) { throw ExitCode(1) }
            return
        }
        print(json ? CanonicalJSON.string(report.json, pretty: true) : report.text)
        if !json {
            do { for line in try SlurmStatus.lines(store: store) { print(line) } } catch { print("slurm: cannot list jobs: \(error)") }
        }
        if exitCode && report.entries.contains(where: { !$0.upToDate }) { throw ExitCode(1) }
    }
}
