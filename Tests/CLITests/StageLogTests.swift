import Testing
import Foundation

private func timeFree(_ s: String) -> String {
    s.replacingOccurrences(of: #"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z"#, with: "T", options: .regularExpression)
}

/// A failed stage keeps its log; `status`, `show` and `log` report it.
@Test func failedStageKeepsItsLog() throws {
    let cli = try CLI(pipeline: #"{"version": 1, "stages": {"s": {"kind": "shell", "params": {"cmd": "echo before; echo oops >&2; exit 3"}}}}"#)
    let r = try cli.run("run")
    #expect(r.code == 1)
    #expect(r.stderr == "s: before\ns: oops\nerror: stage 's' failed: command exited with status 3\n")
    let log = try cli.run("log", "s")
    #expect(log.code == 0)
    #expect(log.stdout == "before\noops\n")
    let logs = cli.dir.appendingPathComponent(".pipeline/logs").path
    let files = try FileManager.default.contentsOfDirectory(atPath: logs).filter { $0.hasSuffix(".log") }
    #expect(files.count == 1)
    let path = logs + "/" + (files.first ?? "")
    let status = try cli.run("status")
    #expect(timeFree(status.stdout) == "stale       s (never run; last run failed at T: command exited with status 3 (log: \(path)))\n0 up to date, 1 stale\n")
    let show = try cli.run("show", "s")
    #expect(timeFree(show.stdout).contains("last run failed at T: command exited with status 3\nlog      \(path)\n"), "\(show.stdout)")
    let note = cli.read(".pipeline/logs/last/s.json") ?? ""
    #expect(note.contains(#""exit": 3"#) && note.contains(#""outcome": "failed""#), "\(note)")

    // Fixed: the new run's log replaces nothing of the old key's, and the failure is gone from status.
    try cli.write(#"{"version": 1, "stages": {"s": {"kind": "shell", "params": {"cmd": "echo fixed; echo x > $OUT/x"}}}}"#)
    #expect(try cli.run("run").code == 0)
    #expect(try cli.run("log", "s").stdout == "fixed\n")
    #expect(try cli.run("status").stdout == "up to date  s\n1 up to date, 0 stale\n")
    #expect(timeFree(try cli.run("show", "s").stdout).contains("last run ok at T\n"))
}

/// Under -j, lines of stages running side by side carry their stage name; `log` needs a known stage that ran.
@Test func parallelOutputIsPrefixedAndLogNeedsAStageThatRan() throws {
    let cli = try CLI(pipeline: #"""
    {"version": 1, "stages": {
      "a": {"kind": "shell", "params": {"cmd": "for i in 1 2 3; do echo a$i; sleep 0.05; done; echo > $OUT/a"}},
      "b": {"kind": "shell", "params": {"cmd": "for i in 1 2 3; do echo b$i; sleep 0.05; done; echo > $OUT/b"}},
      "c": {"kind": "shell", "deps": ["a"], "params": {"cmd": "echo > $OUT/c"}}}}
    """#)
    let r = try cli.run("run", "-j", "2")
    #expect(r.code == 0)
    let lines = r.stderr.split(separator: "\n").map(String.init)
    #expect(lines.filter { $0.hasPrefix("a: ") } == ["a: a1", "a: a2", "a: a3"])
    #expect(lines.filter { $0.hasPrefix("b: ") } == ["b: b1", "b: b2", "b: b3"])
    #expect(lines.count == 6)
    #expect(try cli.run("log", "b").stdout == "b1\nb2\nb3\n")
    #expect(try cli.run("log", "c").stdout == "")
    let unknown = try cli.run("log", "nosuch")
    #expect(unknown.code == 2)
    let other = try CLI(pipeline: #"{"version": 1, "stages": {"s": {"kind": "shell", "params": {"cmd": "true"}}}}"#)
    let never = try other.run("log", "s")
    #expect(never.code == 1)
    #expect(never.stderr == "error: stage 's' has no log in \(other.dir.appendingPathComponent(".pipeline").path) (it has not run with this store)\n")
}
