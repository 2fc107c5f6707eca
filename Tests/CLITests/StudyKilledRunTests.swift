import Foundation
import Testing

/// `pipeline run all` killed with SIGKILL while the report is being drawn:
/// nothing of the report is published, the rerun runs the report alone and
/// the project ends byte-identical to an uninterrupted run.
@Suite(.serialized) struct StudyKilledRunTests {
    @Test func killDuringReportThenRerunOnlyTheReport() throws {
        let reference = try MiniStudyRun.shared.get()
        try #require(reference.first.code == 0)
        let cli = try CLI(pipeline: MiniStudy.pipeline())
        defer { cli.remove() }
        let (killedRun, killed, pid) = try cli.runKilling(["run", "all", "-j", "1", "--cache-dir", CLI.store]) {
            $0.hasPrefix("run  report")
        }
        try #require(killed, "the run ended before it could be killed")
        #expect(!killedRun.stdout.contains("done report"))
        #expect(cli.files(under: "outputs") == [])
        #expect((try? LockFile(at: cli.dir.appendingPathComponent("pipeline.lock.json")))?.stages["report"] == nil)

        let rerun = try cli.run("run", "all", "--cache-dir", CLI.store)
        #expect(rerun.code == 0)
        // The kernel released the killed run's locks: nothing to take over, nothing to say.
        #expect(rerun.stderr == "", "killed pid \(pid)")
        let ran = lines(rerun.stdout, startingWith: "run  ") + lines(rerun.stdout, startingWith: "done ")
        #expect(normalized(ran.joined(separator: "\n")) == "run  report (never run)\ndone report Ns")
        #expect(normalized(lines(rerun.stdout, startingWith: "1 ran").joined()) == "1 ran, 17 cached, 0 failed in Ns")
        // The killed run's staging folder is cleared by the next writer.
        #expect(cli.files(under: "\(CLI.store)/tmp") == [])

        let a = try LockFile(at: reference.cli.dir.appendingPathComponent("pipeline.lock.json"))
        let b = try LockFile(at: cli.dir.appendingPathComponent("pipeline.lock.json"))
        for stage in a.stages.keys.sorted() {
            var outA = a.outputs(stage), outB = b.outputs(stage)
            for volatile in ["timing.json", "timings.md"] { outA[volatile] = nil; outB[volatile] = nil }
            #expect(outA == outB, "\(stage)")
        }
        let files = reference.cli.files(under: "outputs")
        #expect(files == cli.files(under: "outputs"))
        for file in files where file != "timings.md" {
            #expect(reference.cli.read("outputs/\(file)") == cli.read("outputs/\(file)"), "outputs/\(file)")
        }
    }
}
