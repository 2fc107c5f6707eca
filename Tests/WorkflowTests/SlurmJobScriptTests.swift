import Foundation
import Testing
@testable import Workflow

/// Runs a generated script with a stand-in executable that prints its arguments, one per line.
private func runScript(_ script: SlurmJobScript, dir: URL, task: String?) throws -> (String, Int32) {
    let url = dir.appendingPathComponent("job.sh")
    try Data(script.text.utf8).write(to: url)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/sh")
    p.arguments = [url.path]
    var env = ProcessInfo.processInfo.environment
    env["SLURM_ARRAY_TASK_ID"] = task
    p.environment = env
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (String(decoding: data, as: UTF8.self), p.terminationStatus)
}

@Test func slurmJobScriptRunsExactlyItsStageWithAwkwardPaths() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("script it's \(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let fake = dir.appendingPathComponent("fake pipeline")
    try Data("#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n".utf8).write(to: fake)
    chmod(fake.path, 0o755)
    let script = SlurmJobScript(executable: fake.path, pipelineFile: dir.path + "/p $x.json", store: dir.path + "/store",
                                stages: ["up@1", "up@2 it's"], forced: ["up@2 it's"], threads: 3)
    let (one, rc1) = try runScript(script, dir: dir, task: "1")
    #expect(rc1 == 0)
    #expect(one == ["run", "--file", dir.path + "/p $x.json", "--cache-dir", dir.path + "/store", "-j", "3", "--force", "--", "up@2 it's"]
        .joined(separator: "\n") + "\n")
    let (zero, _) = try runScript(script, dir: dir, task: "0")
    #expect(zero.hasSuffix("-j\n3\n--\nup@1\n"))
    let (_, rcBad) = try runScript(script, dir: dir, task: "7")
    #expect(rcBad == 2)
    let single = SlurmJobScript(executable: fake.path, pipelineFile: "/p.json", store: "/s", stages: ["src"], forced: [], threads: 1)
    #expect(try runScript(single, dir: dir, task: nil).0 == "run\n--file\n/p.json\n--cache-dir\n/s\n-j\n1\n--\nsrc\n")
}

@Test func slurmShellQuoting() {
    #expect(SlurmJobScript.quote("train@relu-s42") == "train@relu-s42")
    #expect(SlurmJobScript.quote("") == "''")
    #expect(SlurmJobScript.quote("a b") == "'a b'")
    #expect(SlurmJobScript.quote("it's") == #"'it'\''s'"#)
    #expect(SlurmJobScript.quote("$HOME") == "'$HOME'")
}
