import Testing
import Foundation

private func writeStage(_ files: String) -> String {
    #"{"version": 1, "stages": {"w": {"kind": "write", "params": {"files": \#(files)}}}, "outputs": [{"stage": "w", "path": "out"}]}"#
}

/// A file pipeline did not write is never replaced without being asked.
@Test func userFileAtAnOutputPathIsRefusedUntilForced() throws {
    let cli = try CLI(pipeline: #"{"version": 1, "stages": {"w": {"kind": "write", "params": {"files": {"r.txt": "result\n"}}}}, "outputs": [{"stage": "w", "file": "r.txt", "path": "notes.txt"}]}"#)
    try Data("my notes\n".utf8).write(to: cli.dir.appendingPathComponent("notes.txt"))
    let dry = try cli.run("run", "-n")
    #expect(dry.stdout == "would run w (never run)\nwould refuse notes.txt (not written by pipeline; --force-outputs takes it over)\n1 would run, 0 cached\n")
    let r = try cli.run("run")
    #expect(r.code == 1)
    #expect(r.stderr == "error: notes.txt: not written by pipeline (modified); refusing to replace it with the output of 'w' (move it away, or run with --force-outputs to take it over)\n")
    #expect(cli.read("notes.txt") == "my notes\n")
    #expect(!(cli.read("pipeline.lock.json") ?? "").contains(#""w""#))
    // Still refused on the next run (the result is cached), until forced.
    #expect(try cli.run("run").code == 1)
    #expect(cli.read("notes.txt") == "my notes\n")
    let forced = try cli.run("run", "--force-outputs")
    #expect(forced.code == 0)
    #expect(normalized(forced.stdout) == "copy notes.txt\n0 ran, 1 cached, 0 failed in Ns\n")
    #expect(cli.read("notes.txt") == "result\n")
    // Now it is pipeline's: an edit is restored like any workspace output.
    try Data("edited\n".utf8).write(to: cli.dir.appendingPathComponent("notes.txt"))
    #expect(try cli.run("run").code == 0)
    #expect(cli.read("notes.txt") == "result\n")
}

/// Files a stage no longer produces leave its output folder (unless edited since).
@Test func filesNoLongerProducedAreRemoved() throws {
    let cli = try CLI(pipeline: writeStage(#"{"a.txt": "a", "b.txt": "b", "c.txt": "c"}"#))
    #expect(try cli.run("run").code == 0)
    #expect(cli.read("out/b.txt") == "b")
    try Data("mine".utf8).write(to: cli.dir.appendingPathComponent("out/c.txt"))
    try cli.write(writeStage(#"{"a.txt": "a"}"#))
    let r = try cli.run("run")
    #expect(r.code == 0)
    #expect(normalized(r.stdout) == "run  w (params changed: files.b.txt \"b\" -> (none), files.c.txt \"c\" -> (none))\ndone w Ns\nremove out/b.txt\n1 ran, 0 cached, 0 failed in Ns\n")
    #expect(cli.read("out/b.txt") == nil)
    #expect(cli.read("out/c.txt") == "mine")  // edited by the user: kept
    #expect(cli.read("out/a.txt") == "a")
}

/// `outputs` may name a matrix template or a glob: one folder per instance.
@Test func outputsAcceptTemplatesAndGlobs() throws {
    let cli = try CLI(pipeline: #"""
    {"version": 1, "stages": {"t": {"matrix": {"n": [1, 2]}, "kind": "write", "params": {"files": {"v.txt": "v${item.n}"}}}},
     "outputs": [{"stage": "t", "path": "all"}, {"stage": "t@*", "file": "v.txt", "path": "one"}]}
    """#)
    #expect(try cli.run("run").code == 0)
    #expect(cli.read("all/t@1/v.txt") == "v1" && cli.read("all/t@2/v.txt") == "v2")
    #expect(cli.read("one/t@1/v.txt") == "v1" && cli.read("one/t@2/v.txt") == "v2")
    try cli.write(#"{"version": 1, "stages": {"t": {"kind": "write", "params": {"files": {}}}}, "outputs": [{"stage": "x@*", "path": "a"}]}"#)
    let bad = try cli.run("status")
    #expect(bad.code == 2)
    #expect(bad.stderr == "error: pipeline.json: outputs[0].stage: 'x@*' matches no stage\n")
}

/// An output folder that is a symlink out of the project is refused; nothing is written there.
@Test func symlinkedOutputFolderIsRefused() throws {
    let cli = try CLI(pipeline: writeStage(#"{"a.txt": "a"}"#))
    let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("elsewhere-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(at: cli.dir.appendingPathComponent("out"), withDestinationURL: elsewhere)
    let r = try cli.run("run")
    #expect(r.code == 1)
    #expect(r.stderr == "error: out: is a symbolic link or not a folder; pipeline writes workspace outputs only inside the project, through real folders (refusing out/a.txt)\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path) == [])
}

/// A `write` stage's path leaving its output folder is a load error.
@Test func writeStageDotDotIsALoadError() throws {
    let cli = try CLI(pipeline: writeStage(#"{"../x.txt": "a"}"#))
    let r = try cli.run("run")
    #expect(r.code == 2)
    #expect(r.stderr == "error: pipeline.json: stage 'w': params.files: '../x.txt' must be a relative path inside the output folder (no leading '/', no '..')\n")
    #expect(cli.read("../x.txt") == nil)
}
