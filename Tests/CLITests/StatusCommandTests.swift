import Testing
import Foundation

/// `status --exit-code` and `-q` for scripts; `-n` is `--dry-run`.
@Test func statusExitCodeAndQuietForScripts() throws {
    let cli = try CLI(pipeline: demo)
    let stale = try cli.run("status", "--exit-code")
    #expect(stale.code == 1)
    #expect(stale.stdout.hasSuffix("0 up to date, 4 stale\n"))
    let quiet = try cli.run("status", "-q")
    #expect(quiet.code == 1 && quiet.stdout == "" && quiet.stderr == "")
    #expect(try cli.run("status").code == 0)  // without the flags, status only reports

    let dry = try cli.run("run", "-n")
    #expect(dry.code == 0)
    #expect(dry.stdout == "would run src (never run)\nwould run up@1 (never run)\nwould run up@2 (never run)\nwould run cat (never run)\n4 would run, 0 cached\n")
    #expect(cli.read("pipeline.lock.json") == nil)

    #expect(try cli.run("run").code == 0)
    #expect(try cli.run("status", "--exit-code").code == 0)
    let fresh = try cli.run("status", "-q")
    #expect(fresh.code == 0 && fresh.stdout == "")
}

/// A stage's own change is reported next to the upstream stages it waits
/// for, in `status` and in `run`'s line alike.
@Test func statusAndRunShowEveryReason() throws {
    let cli = try CLI(pipeline: demo)
    #expect(try cli.run("run").code == 0)
    try cli.write(demo.replacingOccurrences(of: "echo ${item.n}", with: "echo n${item.n}")
                      .replacingOccurrences(of: "> $OUT/all.txt", with: "> $OUT/all.txt; echo end >> $OUT/all.txt"))
    let status = try cli.run("status")
    #expect(status.stdout.contains(#"stale       cat (params changed: cmd "cat $IN_UP/*/out.txt > $OUT/all.txt" -> "cat $IN_UP/*/out.txt > $OUT/all.txt; echo end >> $OUT/all.txt"; upstream 'up@1', 'up@2' must run first)"#),
            "\(status.stdout)")
    let run = try cli.run("run", "-j", "1")
    #expect(run.stdout.contains(#"run  cat (params changed: cmd "cat $IN_UP/*/out.txt > $OUT/all.txt" -> "cat $IN_UP/*/out.txt > $OUT/all.txt; echo end >> $OUT/all.txt"; input up@1/out.txt changed; input up@2/out.txt changed)"#),
            "\(run.stdout)")
}
