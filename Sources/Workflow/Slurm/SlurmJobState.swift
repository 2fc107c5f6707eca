/// One job (or one array task) as `scontrol show job -o` reports it.
///
/// `scontrol -o` prints one line per job and one per array task, as
/// space-separated `Key=Value` fields; a value may itself contain spaces (a
/// path), so a token without `=` continues the previous value.
public struct SlurmJobState: Sendable, Equatable {
    /// The id to query and cancel: `123`, or `123_4` for an array task.
    public var id: String
    /// The `--job-name`; the executor uses `pipeline:<stage>`.
    public var name: String
    /// `PENDING`, `RUNNING`, `COMPLETED`, `FAILED`, `CANCELLED`, `TIMEOUT`, ...
    public var state: String
    /// Why it is pending or how it ended, e.g. `Dependency`, `NonZeroExitCode`.
    public var reason: String
    /// `status:signal`, e.g. `3:0`.
    public var exitCode: String
    /// The job's log (`StdOut`), with `%j`, `%A`, `%a` expanded by Slurm.
    public var log: String

    public init(id: String, name: String, state: String, reason: String, exitCode: String, log: String) {
        self.id = id; self.name = name; self.state = state; self.reason = reason; self.exitCode = exitCode; self.log = log
    }

    static let terminal: Set<String> = ["COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "OUT_OF_MEMORY", "NODE_FAIL",
                                        "PREEMPTED", "BOOT_FAIL", "DEADLINE", "REVOKED"]

    /// Finished, successfully or not.
    public var isFinished: Bool { Self.terminal.contains(state) }
    public var succeeded: Bool { state == "COMPLETED" }
    /// Pending on a dependency that failed: Slurm keeps it forever unless cancelled.
    public var isOrphaned: Bool { state == "PENDING" && reason == "DependencyNeverSatisfied" }

    /// Parses `scontrol show job -o` output; lines without a JobId are skipped.
    public static func parse(scontrolOutput text: String) -> [SlurmJobState] {
        text.split(whereSeparator: \.isNewline).compactMap { parse(line: String($0)) }
    }

    static func parse(line: String) -> SlurmJobState? {
        var fields: [String: String] = [:]
        var last: String?
        for token in line.split(separator: " ", omittingEmptySubsequences: true) {
            if let eq = token.firstIndex(of: "="), token[..<eq].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "/" || $0 == ":" }) {
                let key = String(token[..<eq])
                fields[key] = String(token[token.index(after: eq)...])
                last = key
            } else if let key = last {
                fields[key, default: ""] += " " + token
            }
        }
        guard let jobId = fields["JobId"] else { return nil }
        var id = jobId
        if let array = fields["ArrayJobId"], let task = fields["ArrayTaskId"], !task.contains("-"), !task.contains(",") {
            id = "\(array)_\(task)"
        }
        return SlurmJobState(id: id, name: fields["JobName"] ?? "", state: fields["JobState"] ?? "UNKNOWN", reason: fields["Reason"] ?? "",
                             exitCode: fields["ExitCode"] ?? "", log: fields["StdOut"] ?? "")
    }
}
