/// The batch script of one `SlurmPlan.Unit`: runs the same `pipeline`
/// executable on exactly one stage, with the local executor, against the shared
/// store. For a job array, `$SLURM_ARRAY_TASK_ID` picks the stage.
///
/// The stage's deps are already cached when the job starts (afterok), so a
/// plain `run <stage>` skips them and runs only the stage; should a record have
/// vanished meanwhile, the job recomputes it rather than fail.
public struct SlurmJobScript: Sendable {
    public var executable: String
    public var pipelineFile: String
    public var store: String
    public var stages: [String]
    public var forced: Set<String>
    /// Threads for the stage (`-j`): the job's `--cpus-per-task`.
    public var threads: Int

    public init(executable: String, pipelineFile: String, store: String, stages: [String], forced: Set<String>, threads: Int) {
        self.executable = executable; self.pipelineFile = pipelineFile; self.store = store
        self.stages = stages; self.forced = forced; self.threads = threads
    }

    public var text: String {
        var lines = ["#!/bin/sh", "# Written by pipeline run --executor slurm; submitted with sbatch.", "set -eu"]
        func command(_ stage: String) -> String {
            var args = [executable, "run", "--file", pipelineFile, "--cache-dir", store, "-j", String(threads)]
            if forced.contains(stage) { args.append("--force") }
            args += ["--", stage]
            return "exec " + args.map(Self.quote).joined(separator: " ")
        }
        if stages.count == 1 {
            lines.append(command(stages[0]))
        } else {
            lines.append("case \"${SLURM_ARRAY_TASK_ID:-}\" in")
            for (i, s) in stages.enumerated() { lines.append("  \(i)) \(command(s)) ;;") }
            lines.append("  *) echo \"pipeline: no stage for array task '${SLURM_ARRAY_TASK_ID:-}'\" >&2; exit 2 ;;")
            lines.append("esac")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// POSIX shell single-quoting: safe for any byte string.
    public static func quote(_ s: String) -> String {
        if !s.isEmpty, s.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "@%_+=:,./-".contains($0)) }) { return s }
        return "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
