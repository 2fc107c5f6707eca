import Testing
import Foundation

/// Two stages that append their name to a counter file outside the store, so
/// a test can tell how often each really ran; `a` sleeps to hold the lock.
func countingPipeline(counter: URL, sleep: Double) -> String {
    #"""
    {"version": 1, "stages": {
      "a": {"kind": "shell", "params": {"cmd": "echo a >> \#(counter.path); sleep \#(sleep); echo A > a.txt"}},
      "b": {"kind": "shell", "deps": ["a"], "params": {"cmd": "echo b >> \#(counter.path); cat $IN_A/a.txt > b.txt"}}},
     "outputs": [{"stage": "b", "path": "outputs"}]}
    """#
}

/// Polls until `path` exists (at most `seconds`).
func waitForFile(_ path: String, seconds: Double) -> Bool {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
        if FileManager.default.fileExists(atPath: path) { return true }
        usleep(20_000)
    }
    return false
}

func finish(_ p: (Process, Pipe, Pipe)) -> CLI.Output {
    let o = p.1.fileHandleForReading.readDataToEndOfFile()
    let e = p.2.fileHandleForReading.readDataToEndOfFile()
    p.0.waitUntilExit()
    return CLI.Output(code: p.0.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
}

/// Two runs of one project at once: the second waits (one message), then finds
/// everything cached; each stage ran exactly once and `verify` is clean.
@Test func secondRunWaitsForTheFirstAndComputesNothing() throws {
    let cli = try CLI(pipeline: "{}")
    let counter = cli.dir.appendingPathComponent("count.txt")
    try cli.write(countingPipeline(counter: counter, sleep: 1.5))
    let first = try cli.start(["run", "-j", "1"])
    #expect(waitForFile(cli.dir.appendingPathComponent(".pipeline/lock").path, seconds: 20))
    let second = try cli.start(["run", "-j", "1"])
    let r1 = finish(first), r2 = finish(second)
    print("concurrent runs: first \(r1.code) [\(r1.stdout.split(separator: "\n").last ?? "")], second \(r2.code) [\(r2.stdout.split(separator: "\n").last ?? "")], second's stderr: \(r2.stderr)")
    #expect(r1.code == 0 && r2.code == 0, "\(r1.stderr) \(r2.stderr)")
    #expect(r2.stderr.hasPrefix("waiting for the store lock held by pid \(r1.code == 0 ? first.0.processIdentifier : 0)"))
    #expect(r2.stderr.split(separator: "\n").count == 1, "one message only: \(r2.stderr)")
    #expect(normalized(r2.stdout) == "0 ran, 2 cached, 0 failed in Ns\n")
    #expect(cli.read("count.txt") == "a\nb\n")
    #expect(cli.read("outputs/b.txt") == "A\n")
    #expect(try cli.run("verify").code == 0)
}

/// Two projects sharing one store (`--cache-dir`) at once: identical stages
/// are computed by whichever runs first and reused by the other.
@Test func sharedStoreComputesEachKeyOnce() throws {
    let a = try CLI(pipeline: "{}"), b = try CLI(pipeline: "{}")
    let counter = a.dir.appendingPathComponent("count.txt")
    try a.write(countingPipeline(counter: counter, sleep: 1))
    try b.write(countingPipeline(counter: counter, sleep: 1))
    let store = a.dir.appendingPathComponent("shared-store").path
    let p1 = try a.start(["run", "--cache-dir", store])
    #expect(waitForFile(store + "/lock", seconds: 20))
    let p2 = try b.start(["run", "--cache-dir", store])
    let r1 = finish(p1), r2 = finish(p2)
    #expect(r1.code == 0 && r2.code == 0, "\(r1.stderr) \(r2.stderr)")
    #expect(r2.stderr.contains("waiting for the store lock"))
    #expect(a.read("count.txt") == "a\nb\n", "each stage once across both projects")
    #expect(a.read("outputs/b.txt") == "A\n" && b.read("outputs/b.txt") == "A\n")
}

/// A lock left by a dead process on this host is taken over with a note.
@Test func deadOwnersLockIsTakenOver() throws {
    let cli = try CLI(pipeline: "{}")
    try cli.write(countingPipeline(counter: cli.dir.appendingPathComponent("count.txt"), sleep: 0))
    let dead = Process()
    dead.executableURL = URL(fileURLWithPath: "/bin/true")
    try dead.run()
    dead.waitUntilExit()
    let pid = dead.processIdentifier
    let store = cli.dir.appendingPathComponent(".pipeline")
    try FileManager.default.createDirectory(at: store, withIntermediateDirectories: true)
    let host = ProcessInfo.processInfo.hostName
    try Data(#"{"host":"\#(host)","pid":\#(pid),"started":"2026-01-01T00:00:00Z"}"#.utf8).write(to: store.appendingPathComponent("lock"))
    let r = try cli.run("run")
    #expect(r.code == 0, "\(r.stderr)")
    #expect(r.stderr == "note: taking over the store lock of pid \(pid), which is no longer running\n")
    #expect(!FileManager.default.fileExists(atPath: store.appendingPathComponent("lock").path), "the lock is released after the run")
}

/// An empty lock file (its writer died between create and write) older than
/// ten seconds is taken over too; a fresh one would be waited for.
@Test func tornOldLockIsTakenOver() throws {
    let cli = try CLI(pipeline: "{}")
    try cli.write(countingPipeline(counter: cli.dir.appendingPathComponent("count.txt"), sleep: 0))
    let store = cli.dir.appendingPathComponent(".pipeline")
    try FileManager.default.createDirectory(at: store, withIntermediateDirectories: true)
    let lock = store.appendingPathComponent("lock")
    try Data().write(to: lock)
    try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-60)], ofItemAtPath: lock.path)
    let r = try cli.run("run")
    #expect(r.code == 0, "\(r.stderr)")
    #expect(cli.read("outputs/b.txt") == "A\n")
}
