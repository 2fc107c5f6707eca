import Foundation
import Testing

/// Whether `pid` is gone (or a zombie nobody reaped yet: it runs no more).
private func processGone(_ pid: pid_t) -> Bool {
    if kill(pid, 0) != 0 && errno == ESRCH { return true }
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return true }
    return stat[stat.index(close, offsetBy: 2)] == "Z"
}

/// Waits up to `seconds` for `condition` (a liveness bound, not a timing assertion).
private func eventually(_ seconds: Double, _ condition: () -> Bool) -> Bool {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end { if condition() { return true }; usleep(20_000) }
    return condition()
}

/// SIGINT to `pipeline run` stops the shell stage's whole process group: a
/// child that ignores SIGTERM is killed after the grace period, pipeline exits
/// 130, nothing is published, and no process is left.
@Test(arguments: [SIGINT, SIGTERM])
func interruptStopsTheWholeShellProcessGroup(sig: Int32) throws {
    let pids = FileManager.default.temporaryDirectory.appendingPathComponent("pids-\(UUID().uuidString)").path
    // One child that dies on SIGTERM, one that ignores it (needs the SIGKILL).
    let cmd = "sleep 30 & echo $! >> \(pids); sh -c 'trap \\\"\\\" TERM; sleep 31' & echo $! >> \(pids); wait; echo done > $OUT/x"
    let cli = try CLI(pipeline: #"{"version": 1, "stages": {"s": {"kind": "shell", "params": {"cmd": "\#(cmd)"}}}}"#)
    let started = try cli.start(["run"])
    #expect(eventually(10) { (try? String(contentsOfFile: pids, encoding: .utf8))?.split(separator: "\n").count == 2 })
    usleep(200_000)
    let t0 = Date()
    kill(started.0.processIdentifier, sig)
    let r = finish(started)
    let seconds = Date().timeIntervalSince(t0)
    print("pipeline exited \(String(format: "%.2f", seconds)) s after the signal")
    #expect(r.code == 130)
    let children = try String(contentsOfFile: pids, encoding: .utf8).split(separator: "\n").compactMap { pid_t($0) }
    #expect(children.count == 2)
    for c in children { #expect(processGone(c), "child \(c) survived") }
    #expect(try FileManager.default.contentsOfDirectory(atPath: cli.dir.appendingPathComponent(".pipeline/runs").path).isEmpty)
    #expect(r.stdout.hasSuffix("0 ran, 0 cached, 0 failed in \(r.stdout.split(separator: " ").last ?? "")") || r.stdout.contains("(interrupted)"))
}

/// The command runs in the project folder; `${...}` other than `${item.*}`
/// reaches the shell; THREADS follows resources.cpus (capped by -j).
@Test func shellStageRunsInTheProjectFolderWithShellSyntax() throws {
    let cli = try CLI(pipeline: #"""
    {"version": 1, "stages": {
      "script": {"kind": "write", "params": {"files": {"greet.sh": "echo \"hello ${1:-world}\"\n"}}},
      "s": {"kind": "shell", "files": ["data.txt"], "resources": {"cpus": 2},
            "params": {"cmd": "cat data.txt > ${OUT}/copy.txt; pwd > $OUT/pwd.txt; echo $THREADS > $OUT/threads.txt; sh $IN_SCRIPT/greet.sh > $OUT/greet.txt"},
            "deps": ["script"]},
      "one": {"kind": "shell", "params": {"cmd": "echo $THREADS > $OUT/threads.txt"}}},
     "outputs": [{"stage": "s", "path": "out"}, {"stage": "one", "file": "threads.txt", "path": "one-threads.txt"}]}
    """#)
    try Data("payload\n".utf8).write(to: cli.dir.appendingPathComponent("data.txt"))
    // `s` alone, so no other ready stage shares the two cores with it; then `one`.
    let r = try cli.run("run", "-j", "2", "s")
    #expect(r.code == 0, "\(r.stderr)")
    #expect(try cli.run("run", "-j", "2").code == 0)
    #expect(cli.read("out/copy.txt") == "payload\n")
    #expect(cli.read("out/pwd.txt") == cli.dir.resolvingSymlinksInPath().path + "\n" || cli.read("out/pwd.txt") == cli.dir.path + "\n")
    #expect(cli.read("out/threads.txt") == "2\n")
    #expect(cli.read("one-threads.txt") == "1\n")
    #expect(cli.read("out/greet.txt") == "hello world\n")
    // The command's output reaches stderr prefixed with the stage name.
    let echo = try CLI(pipeline: #"{"version": 1, "stages": {"e": {"kind": "shell", "params": {"cmd": "echo out; echo err >&2; printf tail"}}}}"#)
    let e = try echo.run("run")
    #expect(e.code == 0)
    #expect(e.stderr == "e: out\ne: err\ne: tail\n")
}

/// A stage's command inherits stdin, stdout and stderr only: not the engine's
/// lock files, nor what `pipeline`'s own parent left open (fd 7 here), which a
/// daemon the command leaves behind would otherwise hold open (a parent that
/// waits for a pipe to close, a lock never released).
@Test func shellStageInheritsOnlyTheStandardDescriptors() throws {
    let cli = try CLI(pipeline: #"""
    {"version": 1, "stages": {"s": {"kind": "shell", "params": {"cmd": "ls /proc/self/fd > $OUT/fds.txt"}}},
     "outputs": [{"stage": "s", "file": "fds.txt", "path": "fds.txt"}]}
    """#)
    let bin = try #require(CLI.binary)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/sh")
    p.arguments = ["-c", "exec 7</dev/null; exec \"$0\" run -j 1 > /dev/null", bin.path]
    p.currentDirectoryURL = cli.dir
    p.environment = ProcessInfo.processInfo.environment.filter { $0.key != "PIPELINE_CACHE_DIR" }
    try p.run()
    p.waitUntilExit()
    #expect(p.terminationStatus == 0)
    // 3 is the directory `ls` itself has open while it lists it.
    #expect(cli.read("fds.txt") == "0\n1\n2\n3\n")
}
