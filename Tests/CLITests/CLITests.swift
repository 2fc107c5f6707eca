import Testing
import Foundation

let demo = #"""
{
  "version": 1,
  "stages": {
    "src": {"kind": "write", "params": {"files": {"a.txt": "hello\n"}}},
    "up": {"matrix": {"n": [1, 2]}, "kind": "shell", "deps": ["src"],
           "params": {"cmd": "tr a-z A-Z < $IN_SRC/a.txt > $OUT/out.txt; echo ${item.n} >> $OUT/out.txt", "outputs": ["out.txt"]}},
    "cat": {"kind": "shell", "deps": ["up@*"], "params": {"cmd": "cat $IN_UP/*/out.txt > $OUT/all.txt"}}
  },
  "outputs": [{"stage": "cat", "path": "outputs"}]
}
"""#

@Test func runThenNoOpThenStatus() throws {
    let cli = try CLI(pipeline: demo)
    let first = try cli.run("run", "-j", "1")
    #expect(first.code == 0)
    #expect(normalized(first.stdout) == """
        run  src (never run)
        done src Ns
        run  up@1 (never run)
        done up@1 Ns
        run  up@2 (never run)
        done up@2 Ns
        run  cat (never run)
        done cat Ns
        copy outputs/all.txt
        4 ran, 0 cached, 0 failed in Ns

        """)
    #expect(cli.read("outputs/all.txt") == "HELLO\n1\nHELLO\n2\n")
    let lock = cli.read("pipeline.lock.json")
    let second = try cli.run("run")
    #expect(normalized(second.stdout) == "0 ran, 4 cached, 0 failed in Ns\n")
    #expect(cli.read("pipeline.lock.json") == lock)
    try cli.write(demo.replacingOccurrences(of: "echo ${item.n}", with: "echo n${item.n}"))
    try Data("edited".utf8).write(to: cli.dir.appendingPathComponent("outputs/all.txt"))
    let status = try cli.run("status")
    #expect(status.code == 0)
    #expect(status.stdout == """
        up to date  src
        stale       up@1 (params changed: cmd "tr a-z A-Z < $IN_SRC/a.txt > $OUT/out.txt; echo 1 >> $OUT/out.txt" -> "tr a-z A-Z < $IN_SRC/a.txt > $OUT/out.txt; echo n1 >> $OUT/out.txt")
        stale       up@2 (params changed: cmd "tr a-z A-Z < $IN_SRC/a.txt > $OUT/out.txt; echo 2 >> $OUT/out.txt" -> "tr a-z A-Z < $IN_SRC/a.txt > $OUT/out.txt; echo n2 >> $OUT/out.txt")
        stale       cat (upstream 'up@1', 'up@2' must run first)
        1 up to date, 3 stale

        """)
}

@Test func dagFormatsMatchGoldenFiles() throws {
    let cli = try CLI(pipeline: demo)
    #expect(try cli.run("dag", "--dot").stdout == golden("demo.dot"))
    #expect(try cli.run("dag", "--mermaid").stdout == golden("demo.mmd"))
    #expect(try cli.run("dag").stdout == "src\nup@1 <- src\nup@2 <- src\ncat <- up@1, up@2\n")
}

@Test func validationErrorExitsTwo() throws {
    let cli = try CLI(pipeline: #"{"version": 1, "stages": {"a": {"kind": "shell", "params": {"cmd": 3}}}}"#)
    let r = try cli.run("run")
    #expect(r.code == 2)
    #expect(r.stdout == "")
    #expect(r.stderr == "error: pipeline.json: stage 'a': params.cmd: expected a string, found an integer\n")
    let usage = try cli.run("run", "-j", "0")
    #expect(usage.code == 2)
    let unknown = try CLI(pipeline: demo).run("run", "nosuch")
    #expect(unknown.code == 2)
    #expect(unknown.stderr == "error: unknown target 'nosuch' (stages: src, up@1, up@2, cat)\n")
}

@Test func failedStageExitsOne() throws {
    let cli = try CLI(pipeline: #"{"version": 1, "stages": {"a": {"kind": "shell", "params": {"cmd": "exit 3"}}}}"#)
    let r = try cli.run("run")
    #expect(r.code == 1)
    #expect(r.stderr == "error: stage 'a' failed: command exited with status 3\n")
    #expect(normalized(r.stdout) == "run  a (never run)\n0 ran, 0 cached, 1 failed in Ns\n")
}

@Test func sigkillDuringStageThenRerun() throws {
    let mark = FileManager.default.temporaryDirectory.appendingPathComponent("mark-\(UUID().uuidString)").path
    // First attempt writes a partial file, then the mark, and hangs; the second (same key) completes.
    let cmd = "if [ -f \(mark) ]; then echo done > $OUT/out.txt; else echo partial > $OUT/out.txt; touch \(mark); sleep 30; fi"
    let cli = try CLI(pipeline: #"{"version": 1, "stages": {"s": {"kind": "shell", "params": {"cmd": "\#(cmd)"}}}}"#)
    let (p, _, _) = try cli.start(["run"])
    for _ in 0..<100 where !FileManager.default.fileExists(atPath: mark) { usleep(50_000) }
    kill(p.processIdentifier, SIGKILL)  // the partial file is written: the mark comes after it
    p.waitUntilExit()
    let runs = cli.dir.appendingPathComponent(".pipeline/runs").path
    #expect(try FileManager.default.contentsOfDirectory(atPath: runs).isEmpty)
    #expect(cli.read("pipeline.lock.json") == nil)
    let status = try cli.run("status")
    #expect(status.stdout == "stale       s (never run)\n0 up to date, 1 stale\n")
    let again = try cli.run("run")
    #expect(again.code == 0)
    #expect(again.stderr == "")  // the kernel dropped the killed run's locks: nothing to take over
    #expect(normalized(again.stdout).hasPrefix("run  s (never run)\ndone s Ns\n"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: runs).count == 1)
    #expect(try FileManager.default.contentsOfDirectory(atPath: cli.dir.appendingPathComponent(".pipeline/tmp").path).isEmpty)
}

@Test func gcRemovesUnreachableObjects() throws {
    let cli = try CLI(pipeline: demo)
    _ = try cli.run("run")
    try cli.write(demo.replacingOccurrences(of: "hello", with: "bye"))
    _ = try cli.run("run")
    let dry = try cli.run("gc", "--dry-run")
    #expect(dry.stdout == "would remove 4 run records, 4 objects (38 bytes)\n")
    #expect(try cli.run("gc").stdout == "removed 4 run records, 4 objects (38 bytes)\n")
    #expect(normalized(try cli.run("run").stdout) == "0 ran, 4 cached, 0 failed in Ns\n")
}
