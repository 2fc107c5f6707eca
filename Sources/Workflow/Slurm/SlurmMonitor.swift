import Foundation

/// Waits for submitted jobs, polling the scheduler every `pollInterval` seconds.
///
/// A job that ends unsuccessfully is reported once, with its state, exit code,
/// log path and the log's last lines. A job left pending forever because a job
/// it waits for failed (`DependencyNeverSatisfied`) is cancelled and reported
/// as skipped. A job Slurm no longer knows (purged after `MinJobAge`) counts as
/// ended; the caller then judges it by the store. Stops early on `cancellation`
/// (the jobs keep running) and throws when `timeout` passes.
struct SlurmMonitor {
    let scheduler: any SlurmScheduler
    let console: Console
    let pollInterval: Double
    let timeout: Double?
    /// The run's stop request (`Cancellation`).
    var cancellation = Cancellation()

    struct Outcome {
        /// Stages whose failure was already reported.
        var reported = Set<String>()
        var interrupted = false
    }

    func wait(for entries: [SlurmJobsFile.Entry]) throws -> Outcome {
        var outcome = Outcome()
        var open = entries
        let deadline = timeout.map { Date().addingTimeInterval($0) }
        while !open.isEmpty {
            if cancellation.isRequested {
                console.error("stopped waiting; the jobs keep running (`pipeline status` shows them, `scancel` stops them)")
                outcome.interrupted = true
                return outcome
            }
            // Ask once per submission (array tasks share the array's id).
            let ids = Array(Set(open.map { Self.submission($0.job) })).sorted()
            let states = try scheduler.states(of: ids)
            var byID: [String: SlurmJobState] = [:]
            for s in states { byID[s.id] = s }
            var orphans: [SlurmJobsFile.Entry] = []
            open = open.filter { e in
                // A pending array not yet split into tasks is listed once, under the array's id.
                guard let s = byID[e.job] ?? byID[Self.submission(e.job)] else { return false }
                if s.isOrphaned { orphans.append(e); return false }
                guard s.isFinished else { return true }
                if !s.succeeded {
                    outcome.reported.insert(e.stage)
                    console.error("error: stage '\(e.stage)' failed: job \(e.job) \(s.state) (\(s.reason), exit \(s.exitCode)); log: \(e.log)"
                                  + Self.tail(e.log))
                }
                return false
            }
            if !orphans.isEmpty {
                try scheduler.cancel(Array(Set(orphans.map(\.job))).sorted())
                for e in orphans {
                    outcome.reported.insert(e.stage)
                    console.error("skip \(e.stage) (an upstream job failed; cancelled job \(e.job))")
                }
            }
            if open.isEmpty { break }
            if let deadline, Date() >= deadline {
                throw SlurmError("gave up waiting after \(Int(timeout ?? 0))s; still queued or running: "
                                 + open.map { "\($0.stage) (job \($0.job))" }.joined(separator: ", "))
            }
            usleep(UInt32(pollInterval * 1_000_000))
        }
        return outcome
    }

    /// `123` for `123` and `123_4`.
    static func submission(_ job: String) -> String {
        job.split(separator: "_").first.map(String.init) ?? job
    }

    /// The last lines of a log, indented, or "" when it cannot be read.
    static func tail(_ path: String, lines: Int = 8) -> String {
        guard let data = try? WholeFile.read(path) else { return "" }
        let last = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).suffix(lines + 1)
        let text = last.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "" : "\n" + text.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
    }
}
