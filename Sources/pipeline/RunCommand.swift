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
    @Option(name: [.customShort("S"), .customLong("set")], help: ArgumentHelp("Run as an experiment with STAGE.PARAM=VALUE (or FILE:KEY=VALUE for a params file) changed; pipeline.json, outputs and the lock file stay as they are (repeatable; see docs/experiments.md).", valueName: "override"))
    var overrides: [String] = []
    @Flag(help: "With -S: each list value is a set of values to try; one experiment per combination.") var sweep = false
    @Option(help: "With -S: the experiment's name (default: exp- and a hash of the overrides; a sweep adds -1, -2, ...).") var name: String?

    func validate() throws {
        if let j = jobs, j < 1 { throw ValidationError("-j must be at least 1") }
        if !["local", "slurm"].contains(executor) { throw ValidationError("--executor: expected local or slurm, got '\(executor)'") }
        if overrides.isEmpty && (sweep || name != nil) { throw ValidationError("--sweep and --name need -S/--set") }
        if !overrides.isEmpty && (executor != "local" || dryRun) { throw ValidationError("-S/--set runs locally and cannot be combined with --dry-run or --executor slurm") }
        if let name, !Experiment.isValidName(name) {
            throw ValidationError("--name: '\(name)' is not a valid experiment name (letters, digits, '-', '_', '.'; not baseline or workspace)")
        }
    }

    func run() throws {
        if !overrides.isEmpty { return try runExperiments() }
        let (pipeline, store, lockFile) = try project.loadReadingLock()
        var options = runOptions()
        options.lockFile = lockFile
        options.processExitsAfter = true
        defer { ExitLeak.keep((pipeline, store)) }
        let engine = Engine(pipeline: pipeline, store: store, console: Console(verbose: verbose))
        StopSignals.route(to: options.cancellation)
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

    func runOptions() -> RunOptions {
        var options = RunOptions()
        options.targets = targets
        options.force = force
        options.forceDownstream = forceDownstream
        options.dryRun = dryRun
        options.forceOutputs = forceOutputs
        if let jobs { options.jobs = jobs }
        return options
    }

    /// `-S`: one experiment, or with `--sweep` one per point, one after the other.
    /// Every point is validated before the first runs, so a bad value runs nothing.
    func runExperiments() throws {
        let parsed: [ParamOverride]
        do { parsed = try overrides.map(ParamOverride.parse) } catch { fail(error) }
        let points = sweep ? Sweep.points(parsed) : [parsed]
        if sweep && points.count == 1 { fail(PipelineError("--sweep: no -S value is a list (for example -S train.learningRate='[0.005, 0.01]')")) }
        let store = Store.locate(projectRoot: project.fileURL.deletingLastPathComponent(), cacheDir: project.cacheDir)
        let console = Console(verbose: verbose)
        let runner = ExperimentRunner(pipelineFile: project.fileURL, displayName: project.file, registry: ProjectOptions.registry,
                                      store: store, console: console)
        var options = runOptions()
        do { for p in points { _ = try runner.validate(p, targets: targets) } } catch { fail(error) }
        let commit = Git.commit(root: project.fileURL.deletingLastPathComponent())
        var failed = false
        for (i, p) in points.enumerated() {
            let label = name.map { points.count > 1 ? "\($0)-\(i + 1)" : $0 } ?? Experiment.automaticName(overrides: p.map(\.text), targets: targets)
            let (_, summary): (Experiment?, RunSummary)
            options.cancellation = Cancellation()  // one token per run
            StopSignals.route(to: options.cancellation)
            do { (_, summary) = try runner.run(name: label, overrides: p, options: options, gitCommit: commit) } catch { fail(error) }
            if summary.interrupted { throw ExitCode(130) }
            if summary.failed > 0 { failed = true }
        }
        if failed { throw ExitCode(1) }
    }
}
