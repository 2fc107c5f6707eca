import Foundation

/// How `pipeline run --executor slurm` submits and waits.
public struct SlurmOptions: Sendable {
    /// The `pipeline` executable the jobs run; must be visible on the compute nodes.
    public var executable: URL
    /// Absolute path of pipeline.json, as the jobs will open it.
    public var pipelineFile: URL
    /// Wait for every job, report failures with their log, and return a summary.
    public var wait = false
    /// Extra sbatch options for every job, e.g. `--partition=short`.
    public var sbatchOptions: [String] = []
    /// `--cpus-per-task` of a stage without `resources.cpus`. No `--mem` or
    /// `--time` is passed without `resources`: the cluster's defaults apply.
    public var defaultCPUs = 1
    /// Seconds between two looks at the queue while waiting.
    public var pollInterval = 2.0
    /// Give up waiting after this many seconds (nil: wait as long as it takes).
    public var waitTimeout: Double?

    public init(executable: URL, pipelineFile: URL) {
        self.executable = executable
        self.pipelineFile = pipelineFile
    }

    /// This process's own executable (via /proc/self/exe on Linux).
    public static var currentExecutable: URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    }
}
