/// The Slurm part of `pipeline status`: the jobs of jobs.json that are queued,
/// running, or ended unsuccessfully, one line each, in stage order, then a
/// count. Jobs that completed are not listed (their stages show as up to
/// date). A job id Slurm reports under another job name (ids restart on a new
/// cluster) or no longer knows is ignored. Empty when nothing was submitted.
public enum SlurmStatus {
    public static func lines(store: Store, scheduler: any SlurmScheduler = SlurmCLI()) throws -> [String] {
        let file = try SlurmJobsFile.read(store: store)
        guard !file.entries.isEmpty else { return [] }
        let ids = Array(Set(file.entries.values.map { SlurmMonitor.submission($0.job) })).sorted()
        var byID: [String: SlurmJobState] = [:]
        for s in try scheduler.states(of: ids) where s.name.hasPrefix("pipeline:") { byID[s.id] = s }
        var lines: [String] = []
        var counts: [String: Int] = [:]
        for e in file.entries.values.sorted(by: { $0.stage < $1.stage }) {
            guard let s = byID[e.job] ?? byID[SlurmMonitor.submission(e.job)] else { continue }
            let line: String
            switch s.state {
            case "PENDING" where s.isOrphaned: line = "blocked   \(e.stage) (job \(e.job): an upstream job failed; scancel \(e.job))"
            case "PENDING": line = "queued    \(e.stage) (job \(e.job): \(s.reason))"
            case "RUNNING", "CONFIGURING", "COMPLETING": line = "running   \(e.stage) (job \(e.job)); log: \(e.log)"
            case "COMPLETED": continue
            default: line = "failed    \(e.stage) (job \(e.job) \(s.state), exit \(s.exitCode)); log: \(e.log)"
            }
            lines.append(line)
            counts[String(line.prefix(while: { $0 != " " })), default: 0] += 1
        }
        let summary = ["queued", "running", "blocked", "failed"].compactMap { k in counts[k].map { "\($0) \(k)" } }
        if !summary.isEmpty { lines.append("slurm: " + summary.joined(separator: ", ")) }
        return lines
    }
}
