import ArgumentParser
import Foundation
import Workflow

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run stages that are not cached (and what they need).")

    @OptionGroup var project: ProjectOptions
    @Argument(help: "Stages, templates or globs such as 'train@*' (default: all).")
    var targets: [String] = []
    @Flag(help: "Rerun the targets even if cached.") var force = false
    @Flag(help: "Rerun the targets and everything downstream of them.") var forceDownstream = false
    @Flag(name: [.customShort("n"), .long], help: "Show what would run and why; change nothing.") var dryRun = false
    @Flag(help: "Replace files at workspace output paths that pipeline did not write (refused otherwise).") var forceOutputs = false
    @Option(name: .short, help: "Threads for concurrent stages (default: number of cores).") var jobs: Int?
    @Flag(name: .shortAndLong, help: "Also list cached stages.") var verbose = false
    @Option(help: "Where stages run: local, or slurm (one sbatch job per stage; see docs/slurm.md).") var executor = "local"
    @Flag(help: "With --executor slurm: wait for the jobs, report failures with their logs.") var wait = false
    @Option(name: .customLong("sbatch"), parsing: .unconditionalSingleValue, help: "With --executor slurm: an extra sbatch option for every job, e.g. --sbatch --partition=short (repeatable).")
    var sbatchOptions: [String] = []

    func validate() throws {
        if let j = jobs, j < 1 { throw ValidationError("-j must be at least 1") }
        if !["local", "slurm"].contains(executor) { throw ValidationError("--executor: expected local or slurm, got '\(executor)'") }
    }

    func run() throws {
        let (pipeline, store) = try project.load()
        var options = RunOptions()
        options.targets = targets
        options.force = force
        options.forceDownstream = forceDownstream
        options.dryRun = dryRun
        options.forceOutputs = forceOutputs
        if let jobs { options.jobs = jobs }
        let engine = Engine(pipeline: pipeline, store: store, console: Console(verbose: verbose))
        Interruption.install { engine.wake() }
        var slurm = SlurmOptions(executable: SlurmOptions.currentExecutable, pipelineFile: project.fileURL)
        slurm.wait = wait
        slurm.sbatchOptions = sbatchOptions
        let summary: RunSummary
        do {
            summary = executor == "slurm" ? try SlurmExecutor(pipeline: pipeline, store: store, console: engine.console, options: slurm).run(options)
                                          : try engine.run(options)
        } catch { fail(error) }
        if summary.interrupted { throw ExitCode(130) }
        if summary.failed > 0 { throw ExitCode(1) }
    }
}
