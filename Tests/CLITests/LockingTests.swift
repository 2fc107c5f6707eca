import Testing
import Foundation

// Two `pipeline` processes on one store: per-stage claims instead of one writer lock.

/// A pipeline of `count` independent shell stages s1…sN, each appending its
/// name to `log` (an absolute path) and sleeping `seconds`.
private func sleepers(_ count: Int, seconds: Int, log: String) -> String {
    let stages = (1...count).map { i in
        #""s\#(i)": {"kind": "shell", "params": {"cmd": "echo s\#(i) >> \#(log); sleep \#(seconds); echo s\#(i) > $OUT/out.txt"}}"#
    }
    return #"{"version": 1, "stages": {"# + stages.joined(separator: ", ") + "}}"
}

private func tempPath(_ tag: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("\(tag)-\(UUID().uuidString)").path
}

/// Runs every argument list at once; returns the outputs and the wall time.
private func together(_ cli: CLI, _ runs: [[String]]) throws -> ([CLI.Output], Double) {
    let t0 = Date()
    let started = try runs.map { try cli.start($0) }
    let outputs = started.map(finish)
    return (outputs, Date().timeIntervalSince(t0))
}


@Test func twoRunsOfOnePipelineSplitTheStages() throws {
    let log = tempPath("ran")
    let cli = try CLI(pipeline: sleepers(4, seconds: 1, log: log))
    let (outs, _) = try together(cli, [["run", "-j", "2"], ["run", "-j", "2"]])
    for o in outs { #expect(o.code == 0, "\(o.stderr)") }
    let ran = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").sorted()
    #expect(ran == ["s1", "s2", "s3", "s4"])  // each stage exactly once across both processes
    #expect(outs.map(ranCount).reduce(0, +) == 4)
    let lock = try #require(cli.read("pipeline.lock.json"))
    for s in ["s1", "s2", "s3", "s4"] { #expect(lock.contains("\"\(s)\": {")) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: cli.dir.appendingPathComponent(".pipeline/claims").path).isEmpty)
    #expect(normalized(try cli.run("run").stdout) == "0 ran, 4 cached, 0 failed in Ns\n")
    // Same bytes as one run alone: the lock file differs only in timing.
    let serial = try CLI(pipeline: sleepers(4, seconds: 1, log: log))
    #expect(try serial.run("run", "-j", "4").code == 0)
    func untimed(_ s: String?) -> [Substring] {
        (s ?? "").split(separator: "\n").filter { !$0.contains("\"started\"") && !$0.contains("\"seconds\"") }
    }
    #expect(untimed(serial.read("pipeline.lock.json")) == untimed(lock))
}

@Test func waiterNamesTheStageAndHolderThenReuses() throws {
    let log = tempPath("ran")
    let cli = try CLI(pipeline: sleepers(1, seconds: 2, log: log))
    let first = try cli.start(["run"])
    for _ in 0..<100 where !FileManager.default.fileExists(atPath: log) { usleep(20_000) }
    let second = try cli.run("run")
    let a = finish(first)
    #expect(a.code == 0 && second.code == 0)
    #expect(second.stderr == "waiting for s1: running in pid \(first.0.processIdentifier) on \(ProcessInfo.processInfo.hostName)\n")
    #expect(normalized(second.stdout) == "reuse s1 (computed by pid \(first.0.processIdentifier) on \(ProcessInfo.processInfo.hostName))\n0 ran, 1 cached, 0 failed in Ns\n")
    #expect(try String(contentsOfFile: log, encoding: .utf8) == "s1\n")
}

/// Overlap is shown without a clock: each stage marks that it started and
/// waits (up to 30 s) for the other's mark, so it writes `overlap` only when
/// both ran at the same time, and `serial` when one run waited for the other.
@Test func runsOnDifferentStagesOverlapAndBothReachTheLockFile() throws {
    let marks = tempPath("marks")
    try FileManager.default.createDirectory(atPath: marks, withIntermediateDirectories: true)
    func stage(_ me: String, _ other: String) -> String {
        let cmd = "touch \(marks)/\(me); i=0; while [ ! -f \(marks)/\(other) ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done; "
            + "if [ -f \(marks)/\(other) ]; then r=overlap; else r=serial; fi; echo $r > \(marks)/\(me).result; echo \(me) > $OUT/out.txt"
        return #""\#(me)": {"kind": "shell", "params": {"cmd": "\#(cmd)"}}"#
    }
    let cli = try CLI(pipeline: #"{"version": 1, "stages": {"# + stage("s1", "s2") + ", " + stage("s2", "s1") + "}}")
    let (outs, _) = try together(cli, [["run", "s1"], ["run", "s2"]])
    for o in outs { #expect(o.code == 0, "\(o.stderr)"); #expect(o.stderr == "") }
    for s in ["s1", "s2"] { #expect(try String(contentsOfFile: "\(marks)/\(s).result", encoding: .utf8) == "overlap\n") }
    // Each run merged its entry into the lock file under the meta lock: neither is lost.
    let lock = try #require(cli.read("pipeline.lock.json"))
    #expect(lock.contains("\"s1\": {") && lock.contains("\"s2\": {"))
}

@Test func sigkilledClaimHolderIsReplacedByTheWaiter() throws {
    let mark = tempPath("mark"), log = tempPath("ran")
    // The first attempt hangs; the second (same key) completes.
    let cmd = "echo x >> \(log); if [ -f \(mark) ]; then echo done > $OUT/out.txt; else touch \(mark); sleep 30; fi"
    let cli = try CLI(pipeline: #"{"version": 1, "stages": {"s": {"kind": "shell", "params": {"cmd": "\#(cmd)"}}}}"#)
    let (holder, _, _) = try cli.start(["run"])
    for _ in 0..<100 where !FileManager.default.fileExists(atPath: mark) { usleep(20_000) }
    let waiter = try cli.start(["run"])
    // Kill the holder only once the waiter has said it waits (or ended: EOF).
    let said = String(decoding: waiter.2.fileHandleForReading.availableData, as: UTF8.self)
    kill(holder.processIdentifier, SIGKILL)
    holder.waitUntilExit()
    let o = finish(waiter)
    #expect(o.code == 0)
    #expect((said + o.stderr).contains("waiting for s: running in pid \(holder.processIdentifier)"))
    #expect(normalized(o.stdout) == "run  s (its other run ended without a result)\ndone s Ns\n1 ran, 0 cached, 0 failed in Ns\n")
    #expect(try String(contentsOfFile: log, encoding: .utf8) == "x\nx\n")
    // The killed run's staging folder is gone once a later run cleans up.
    _ = try cli.run("run")
    #expect(try FileManager.default.contentsOfDirectory(atPath: cli.dir.appendingPathComponent(".pipeline/tmp").path).isEmpty)
}

@Test func gcWaitsForARunningRun() throws {
    let log = tempPath("ran")
    let cli = try CLI(pipeline: sleepers(1, seconds: 2, log: log))
    let run = try cli.start(["run"])
    for _ in 0..<100 where !FileManager.default.fileExists(atPath: log) { usleep(20_000) }
    let gc = try cli.run("gc")
    // The run publishes its record before releasing the shared lock: gc started after that.
    let records = try FileManager.default.contentsOfDirectory(atPath: cli.dir.appendingPathComponent(".pipeline/runs").path)
    let r = finish(run)
    #expect(r.code == 0 && gc.code == 0)
    #expect(records.count == 1)
    #expect(gc.stderr.contains("waiting for the store lock"))
    #expect(gc.stdout == "removed 0 run records, 0 objects (0 bytes)\n")
    #expect(normalized(try cli.run("run").stdout) == "0 ran, 1 cached, 0 failed in Ns\n")
}
