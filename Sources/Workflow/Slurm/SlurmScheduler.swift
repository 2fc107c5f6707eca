import Foundation

/// What the executor needs from Slurm; `SlurmCLI` talks to the real commands,
/// tests substitute a fake. Implementations must be callable from any thread.
public protocol SlurmScheduler: Sendable {
    /// Submits `script` with sbatch `options`; returns the job id.
    func submit(script: URL, options: [String]) throws -> String
    /// Current states of the jobs (every task of an array job); ids Slurm no
    /// longer knows are absent from the result.
    func states(of ids: [String]) throws -> [SlurmJobState]
    /// Cancels the jobs; ids already finished or unknown are not an error.
    func cancel(_ ids: [String]) throws
}

/// `SlurmScheduler` over `sbatch`, `scontrol` and `scancel` on the PATH
/// (configured by `SLURM_CONF` like any Slurm client).
public struct SlurmCLI: SlurmScheduler {
    public var runner: SlurmCommandRunner

    public init(runner: SlurmCommandRunner = SlurmCommandRunner()) { self.runner = runner }

    public func submit(script: URL, options: [String]) throws -> String {
        let out = try runner.run("sbatch", ["--parsable"] + options + [script.path])
        // `--parsable` prints `id` or `id;cluster`.
        let id = out.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ";").first.map(String.init) ?? ""
        guard !id.isEmpty, id.allSatisfy(\.isNumber) else {
            throw SlurmError("sbatch \(script.path): expected a job id on stdout, got '\(out.trimmingCharacters(in: .whitespacesAndNewlines))'")
        }
        return id
    }

    public func states(of ids: [String]) throws -> [SlurmJobState] {
        var result: [SlurmJobState] = []
        for id in ids {
            do {
                result += SlurmJobState.parse(scontrolOutput: try runner.run("scontrol", ["show", "job", "-o", id]))
            } catch let e as SlurmError where e.message.contains("Invalid job id") {
                continue  // purged after MinJobAge, or from an earlier cluster
            }
        }
        return result
    }

    public func cancel(_ ids: [String]) throws {
        guard !ids.isEmpty else { return }
        _ = try runner.run("scancel", ids)
    }
}
