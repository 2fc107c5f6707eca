import Foundation

/// `pipeline run --executor slurm`: submits every stage that is not cached as
/// an sbatch job of this same executable on that one stage.
///
/// Planning is `SlurmPlan`; each job waits (`--dependency=afterok:`) for the
/// jobs of the stages it reads, so a failed stage's dependants never start.
/// The submitting process takes no store lock and writes only `slurm/` in the
/// store (scripts, logs, and jobs.json under the brief meta lock, so concurrent
/// submitters keep each other's entries); the jobs themselves run the local engine,
/// which publishes objects and records as usual. Submission is all or nothing:
/// if one sbatch fails, the jobs already submitted are cancelled.
public final class SlurmExecutor: Sendable {
    public let pipeline: Pipeline
    public let store: Store
    public let console: Console
    public let scheduler: any SlurmScheduler
    public let options: SlurmOptions

    public init(pipeline: Pipeline, store: Store, console: Console, scheduler: any SlurmScheduler = SlurmCLI(), options: SlurmOptions) {
        self.pipeline = pipeline; self.store = store; self.console = console
        self.scheduler = scheduler; self.options = options
    }

    var slurmDir: URL { store.root.appendingPathComponent("slurm") }

    /// The plan for these run options, reading the store and lock file only.
    public func plan(_ run: RunOptions) throws -> SlurmPlan {
        let selection = try StageSelection(pipeline: pipeline, options: run)
        let planner = Planner(pipeline: pipeline, store: store, lock: try LockFile.read(root: pipeline.root))
        return SlurmPlan.make(pipeline: pipeline, selected: selection.selected, forced: selection.forced) { s, results in
            planner.evaluate(s, results: results).record
        }
    }

    public func run(_ run: RunOptions) throws -> RunSummary {
        let start = Date()
        let plan = try plan(run)
        var summary = RunSummary()
        summary.cached = plan.cached.count
        if console.verbose { for s in plan.cached { console.line("skip \(s) (cached)") } }
        if run.dryRun {
            for u in plan.units { console.line("would submit \(u.isArray ? "array \(u.name) [\(u.stages.joined(separator: ", "))]" : u.name)") }
            console.line("\(plan.units.count) jobs would be submitted, \(plan.cached.count) cached")
            return summary
        }
        let entries = try submit(plan)
        let stageCount = plan.units.reduce(0) { $0 + $1.stages.count }
        console.line("submitted \(plan.units.count) jobs for \(stageCount) stages, \(plan.cached.count) cached")
        guard options.wait, !entries.isEmpty else { return summary }

        let monitor = SlurmMonitor(scheduler: scheduler, console: console, pollInterval: options.pollInterval, timeout: options.waitTimeout,
                                   cancellation: run.cancellation)
        let outcome = try monitor.wait(for: entries)
        summary.interrupted = outcome.interrupted
        // Judge by the store, not by Slurm: a stage ran if its result is there now.
        let after = try self.plan(RunOptions.only(entries.map(\.stage)))
        let missing = Set(after.units.flatMap(\.stages))
        for e in entries {
            if !missing.contains(e.stage) { summary.ran += 1; continue }
            summary.failed += 1
            if outcome.reported.contains(e.stage) || outcome.interrupted { continue }
            console.error("error: stage '\(e.stage)' has no result after job \(e.job) ended; log: \(e.log)")
        }
        let elapsed = String(format: "%.1f", Date().timeIntervalSince(start))
        console.line("\(summary.ran) ran, \(summary.cached) cached, \(summary.failed) failed in \(elapsed)s" + (summary.interrupted ? " (interrupted)" : ""))
        return summary
    }

    /// Writes the scripts, submits the units in order, records jobs.json.
    func submit(_ plan: SlurmPlan) throws -> [SlurmJobsFile.Entry] {
        let scripts = slurmDir.appendingPathComponent("scripts"), logs = slurmDir.appendingPathComponent("logs")
        for d in [scripts, logs] { try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true) }
        var ids: [String] = []
        var entries: [SlurmJobsFile.Entry] = []
        let now = Timestamp.now()
        do {
            for unit in plan.units {
                let safe = SlurmJobName.fileSafe(unit.name)
                let resources = pipeline[unit.stages[0]]?.resources
                let cpus = resources?.cpus ?? options.defaultCPUs
                let script = SlurmJobScript(executable: options.executable.path, pipelineFile: options.pipelineFile.path, store: store.root.path,
                                            stages: unit.stages, forced: plan.forced, threads: cpus)
                let scriptURL = scripts.appendingPathComponent(safe + ".sh")
                try AtomicFile.write(Data(script.text.utf8), to: scriptURL, mode: 0o755)
                var args = ["--job-name=\(SlurmJobName.jobName(unit.name))", "--chdir=\(pipeline.root.path)", "--cpus-per-task=\(cpus)",
                            "--output=" + logs.appendingPathComponent(unit.isArray ? "\(safe)-%A_%a.log" : "\(safe)-%j.log").path]
                if let mem = resources?.mem { args.append("--mem=\(mem)") }
                if let time = resources?.time { args.append("--time=\(time)") }
                if unit.isArray { args.append("--array=0-\(unit.stages.count - 1)") }
                let after = unit.after.map { d in d.task.map { "\(ids[d.unit])_\($0)" } ?? ids[d.unit] }
                if !after.isEmpty { args.append("--dependency=afterok:" + after.joined(separator: ":")) }
                args += options.sbatchOptions
                let id = try scheduler.submit(script: scriptURL, options: args)
                ids.append(id)
                for (task, stage) in unit.stages.enumerated() {
                    let job = unit.isArray ? "\(id)_\(task)" : id
                    let log = logs.appendingPathComponent(unit.isArray ? "\(safe)-\(id)_\(task).log" : "\(safe)-\(id).log").path
                    entries.append(SlurmJobsFile.Entry(stage: stage, job: job, log: log, submitted: now))
                    console.line("submit \(stage) job \(job)" + (after.isEmpty ? "" : " after \(after.joined(separator: ","))"))
                }
            }
        } catch {
            if !ids.isEmpty {
                try? scheduler.cancel(ids)
                console.error("cancelled the jobs already submitted: \(ids.joined(separator: " "))")
            }
            throw error
        }
        try SlurmJobsFile.record(entries, store: store, message: { console.error($0) })
        return entries
    }
}

extension RunOptions {
    /// Exactly these stages (and their upstream), nothing forced.
    static func only(_ stages: [String]) -> RunOptions {
        var o = RunOptions()
        o.targets = stages
        return o
    }
}
