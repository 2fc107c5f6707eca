import Testing
import Foundation

/// `src` writes a file, `up` upper-cases it, `cat` copies `up`'s file plus a
/// line (so no two stages share an object) and counts its runs in a file
/// outside the store.
func corruptionPipeline(counter: URL, suffix: String = "") -> String {
    #"""
    {"version": 1, "stages": {
      "src": {"kind": "write", "params": {"files": {"a.txt": "hello world\n"}}},
      "up": {"kind": "shell", "deps": ["src"], "params": {"cmd": "tr a-z A-Z < $IN_SRC/a.txt > $OUT/out.txt"}},
      "cat": {"kind": "shell", "deps": ["up"], "params": {"cmd": "echo cat >> \#(counter.path); cat $IN_UP/out.txt > $OUT/all.txt; echo end >> $OUT/all.txt\#(suffix)"}}},
     "outputs": [{"stage": "cat", "path": "outputs"}]}
    """#
}

/// The store object of `stage`'s output `file`, from pipeline.lock.json.
func objectPath(_ cli: CLI, stage: String, file: String) throws -> String {
    let lock = try JSONSerialization.jsonObject(with: Data((cli.read("pipeline.lock.json") ?? "").utf8)) as? [String: Any]
    let stages = lock?["stages"] as? [String: Any]
    let outputs = (stages?[stage] as? [String: Any])?["outputs"] as? [String: Any]
    guard let hash = (outputs?[file] as? [String: Any])?["hash"] as? String else { throw CLIError("no hash for \(stage)/\(file)") }
    return cli.dir.appendingPathComponent(".pipeline/objects/\(hash.prefix(2))/\(hash.dropFirst(2))").path
}

/// Rewrites an object in place (objects are read-only, so make it writable first).
func damage(_ path: String, _ edit: (inout [UInt8]) -> Void) throws {
    chmod(path, 0o644)
    var b = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    edit(&b)
    try Data(b).write(to: URL(fileURLWithPath: path))
    chmod(path, 0o444)
}

func preparedCorruptionProject() throws -> (CLI, URL) {
    let cli = try CLI(pipeline: "{}")
    let counter = cli.dir.appendingPathComponent("count.txt")
    try cli.write(corruptionPipeline(counter: counter))
    #expect(try cli.run("run", "-j", "1").code == 0)
    return (cli, counter)
}

@Test(arguments: ["flip", "truncate"])
func verifyFindsDamagedObject(_ how: String) throws {
    let (cli, _) = try preparedCorruptionProject()
    let path = try objectPath(cli, stage: "up", file: "out.txt")
    try damage(path) { b in if how == "flip" { b[3] ^= 0x20 } else { b.removeLast(4) } }
    let v = try cli.run("verify")
    print("verify after \(how): exit \(v.code): \(v.stdout)")
    #expect(v.code == 1)
    #expect(v.stdout.contains("corrupt \(URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent)"))
    #expect(v.stdout.contains("invalidated run of up"))
    let r = try cli.run("run", "-v", "-j", "1")
    #expect(r.code == 0)
    #expect(r.stdout.contains("run  up ("), "the producer reruns: \(r.stdout)")
    #expect(r.stdout.contains("skip cat (cached)"), "same bytes again: the consumer stays cached")
    #expect(try cli.run("verify").code == 0)
}

/// A truncated object is caught on use by the size check: the producer reruns
/// before its consumer could read it, with no `verify` in between.
@Test func truncatedInputIsRebuiltOnUse() throws {
    let (cli, counter) = try preparedCorruptionProject()
    try damage(try objectPath(cli, stage: "up", file: "out.txt")) { $0.removeLast(4) }
    try cli.write(corruptionPipeline(counter: counter, suffix: "; echo more >> $OUT/all.txt"))
    let r = try cli.run("run", "-v", "-j", "1")
    #expect(r.code == 0, "\(r.stderr)")
    #expect(r.stdout.contains("run  up ("), "\(r.stdout)")
    #expect(cli.read("outputs/all.txt") == "HELLO WORLD\nend\nmore\n")
}

/// A same-size flipped byte passes the size check; the engine re-hashes the
/// inputs of every stage it is about to run, so the consumer never reads it:
/// the object is quarantined, the producer reruns, then the consumer.
@Test func flippedInputIsRebuiltOnUse() throws {
    let (cli, counter) = try preparedCorruptionProject()
    try damage(try objectPath(cli, stage: "up", file: "out.txt")) { $0[0] ^= 0x01 }
    try cli.write(corruptionPipeline(counter: counter, suffix: "; echo more >> $OUT/all.txt"))
    let r = try cli.run("run", "-v", "-j", "1")
    print("run after a flipped input byte: exit \(r.code)\n\(r.stdout)\(r.stderr)")
    #expect(r.code == 0, "\(r.stderr)")
    #expect(cli.read("outputs/all.txt") == "HELLO WORLD\nend\nmore\n", "the consumer must not read the flipped byte")
    #expect(r.stderr.contains("up"), "the corruption is reported")
    #expect(try cli.run("verify").code == 0)
}

/// A flipped byte in an object that is only copied to the workspace is not
/// copied out: the restore checks the hash, quarantines the object and fails
/// with one error; the next run rebuilds it.
@Test func flippedFinalObjectIsNotCopiedToTheWorkspace() throws {
    let (cli, _) = try preparedCorruptionProject()
    try damage(try objectPath(cli, stage: "cat", file: "all.txt")) { $0[0] ^= 0x01 }
    try FileManager.default.removeItem(at: cli.dir.appendingPathComponent("outputs/all.txt"))
    let r = try cli.run("run", "-j", "1")
    print("restore from a flipped object: exit \(r.code): \(r.stderr)")
    #expect(r.code == 1)
    #expect(r.stderr.hasPrefix("error: outputs/all.txt: store object ") && r.stderr.contains("does not match its hash"))
    #expect(cli.read("outputs/all.txt") == nil, "never a corrupt workspace file")
    let again = try cli.run("run", "-j", "1")
    #expect(again.code == 0)
    #expect(again.stdout.contains("run  cat ("))
    #expect(cli.read("outputs/all.txt") == "HELLO WORLD\nend\n")
}

/// A hand-edited workspace output is reported by `status` and restored by the
/// next run without rerunning its stage.
@Test func editedWorkspaceOutputIsReportedAndRestored() throws {
    let (cli, counter) = try preparedCorruptionProject()
    try Data("HELLO WORLD?\n".utf8).write(to: cli.dir.appendingPathComponent("outputs/all.txt"))
    let s = try cli.run("status")
    #expect(s.stdout.contains("stale       cat (workspace output outputs/all.txt modified)"), "\(s.stdout)")
    let r = try cli.run("run")
    #expect(normalized(r.stdout) == "copy outputs/all.txt\n0 ran, 3 cached, 0 failed in Ns\n")
    #expect(cli.read("outputs/all.txt") == "HELLO WORLD\nend\n")
    #expect(try String(contentsOf: counter, encoding: .utf8) == "cat\n")
}

/// A run killed while copying leaves `.tmp-<name>-<pid>-<id>` beside a
/// workspace output; the next run removes those of dead pids and keeps a live
/// writer's (here: this test process).
@Test func staleWorkspaceTempsOfDeadRunsAreSwept() throws {
    let (cli, _) = try preparedCorruptionProject()
    let dead = Process()
    dead.executableURL = URL(fileURLWithPath: "/bin/true")
    try dead.run()
    dead.waitUntilExit()
    let stale = ["outputs/.tmp-all.txt-\(dead.processIdentifier)-0F572E10", ".tmp-pipeline.lock.json-\(dead.processIdentifier)-12AB34CD"]
    let live = "outputs/.tmp-all.txt-\(getpid())-99999999"
    for p in stale + [live] { try Data("half".utf8).write(to: cli.dir.appendingPathComponent(p)) }
    let r = try cli.run("run")
    #expect(r.code == 0)
    for p in stale { #expect(cli.read(p) == nil, "\(p) should be gone") }
    #expect(cli.read(live) == "half", "a live writer's temp file is not touched")
}
