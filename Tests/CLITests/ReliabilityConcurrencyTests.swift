import Testing
import Foundation

/// Two stages that append their name to a counter file outside the store, so
/// a test can tell how often each really ran; `a` sleeps to hold the lock.
func countingPipeline(counter: URL, sleep: Double) -> String {
    #"""
    {"version": 1, "stages": {
      "a": {"kind": "shell", "params": {"cmd": "echo a >> \#(counter.path); sleep \#(sleep); echo A > $OUT/a.txt"}},
      "b": {"kind": "shell", "deps": ["a"], "params": {"cmd": "echo b >> \#(counter.path); cat $IN_A/a.txt > $OUT/b.txt"}}},
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

/// Polls until some claim file exists in `store`'s claims folder (at most `seconds`).
func waitForClaim(_ store: String, seconds: Double) -> Bool {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
        if let names = try? FileManager.default.contentsOfDirectory(atPath: store + "/claims"),
           names.contains(where: { $0.hasSuffix(".lock") }) { return true }
        usleep(20_000)
    }
    return false
}

/// The number before " ran," in a run's summary line.
func ranCount(_ o: CLI.Output) -> Int {
    Int(o.stdout.split(separator: "\n").last?.split(separator: " ").first ?? "") ?? -1
}

/// Two runs of one project at once: the second waits for the stage the first
/// is computing (one message naming it and the holder), then reuses it; each
/// stage ran exactly once across both and `verify` is clean.
@Test func secondRunWaitsForTheFirstAndComputesNothingTwice() throws {
    let cli = try CLI(pipeline: "{}")
    let counter = cli.dir.appendingPathComponent("count.txt")
    try cli.write(countingPipeline(counter: counter, sleep: 1.5))
    let first = try cli.start(["run", "-j", "1"])
    #expect(waitForClaim(cli.dir.appendingPathComponent(".pipeline").path, seconds: 20))
    let second = try cli.start(["run", "-j", "1"])
    let r1 = finish(first), r2 = finish(second)
    print("concurrent runs: first \(r1.code) [\(r1.stdout.split(separator: "\n").last ?? "")], second \(r2.code) [\(r2.stdout.split(separator: "\n").last ?? "")], second's stderr: \(r2.stderr)")
    #expect(r1.code == 0 && r2.code == 0, "\(r1.stderr) \(r2.stderr)")
    #expect(r2.stderr.hasPrefix("waiting for a: running in pid \(first.0.processIdentifier)"), "\(r2.stderr)")
    #expect(r2.stdout.contains("reuse a (computed by pid \(first.0.processIdentifier)"))
    #expect(ranCount(r1) + ranCount(r2) == 2)
    #expect(cli.read("count.txt") == "a\nb\n")
    #expect(cli.read("outputs/b.txt") == "A\n")
    #expect(try cli.run("verify").code == 0)
}

/// Two projects sharing one store (`--cache-dir`) at once: identical stages
/// are computed by whichever claims them first and reused by the other.
@Test func sharedStoreComputesEachKeyOnce() throws {
    let a = try CLI(pipeline: "{}"), b = try CLI(pipeline: "{}")
    let counter = a.dir.appendingPathComponent("count.txt")
    try a.write(countingPipeline(counter: counter, sleep: 1))
    try b.write(countingPipeline(counter: counter, sleep: 1))
    let store = a.dir.appendingPathComponent("shared-store").path
    let p1 = try a.start(["run", "--cache-dir", store])
    #expect(waitForClaim(store, seconds: 20))
    let p2 = try b.start(["run", "--cache-dir", store])
    let r1 = finish(p1), r2 = finish(p2)
    #expect(r1.code == 0 && r2.code == 0, "\(r1.stderr) \(r2.stderr)")
    #expect(r2.stderr.contains("waiting for a: running in pid"))
    #expect(a.read("count.txt") == "a\nb\n", "each stage once across both projects")
    #expect(a.read("outputs/b.txt") == "A\n" && b.read("outputs/b.txt") == "A\n")
}

/// A claim file left by a dead process holds nothing (the kernel dropped its
/// flock): the next run computes the stage without waiting or a message.
@Test func deadOwnersClaimIsNoObstacle() throws {
    let cli = try CLI(pipeline: "{}")
    try cli.write(countingPipeline(counter: cli.dir.appendingPathComponent("count.txt"), sleep: 0))
    let dead = Process()
    dead.executableURL = URL(fileURLWithPath: "/bin/true")
    try dead.run()
    dead.waitUntilExit()
    let key = try #require(cli.run("show", "a").stdout.split(separator: "\n")
        .first { $0.hasPrefix("key") }?.split(separator: " ").last.map(String.init))
    let claims = cli.dir.appendingPathComponent(".pipeline/claims")
    try FileManager.default.createDirectory(at: claims, withIntermediateDirectories: true)
    let host = ProcessInfo.processInfo.hostName
    try Data(#"{"host":"\#(host)","pid":\#(dead.processIdentifier),"stage":"a","started":"2026-01-01T00:00:00Z"}"#.utf8)
        .write(to: claims.appendingPathComponent("\(key).lock"))
    let r = try cli.run("run")
    #expect(r.code == 0, "\(r.stderr)")
    #expect(r.stderr == "")
    #expect(cli.read("outputs/b.txt") == "A\n")
}

/// An empty lock file from an older version of the tool (its writer died
/// between create and write) is ignored.
@Test func tornOldLockIsIgnored() throws {
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
