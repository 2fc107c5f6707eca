import Foundation
import Testing

/// A `train` stage killed with SIGKILL resumes after its last finished epoch
/// and ends with the bytes of an uninterrupted run (issue 5, item 4).
@Suite(.serialized) struct StudyResumeTests {
    static let stage = "train@relu-s42"
    static let epochs = 6

    /// The mini study with 6 epochs (patience 7, so no early stop).
    static func pipeline() throws -> String {
        try MiniStudy.pipeline(replacing: [(#""maxEpochs": 3"#, #""maxEpochs": \#(epochs)"#)])
    }

    /// model.safetensors and metrics.json of an uninterrupted run in its own store.
    static let reference: Result<[String: Data], CLIError> = {
        do {
            let cli = try CLI(pipeline: pipeline())
            defer { cli.remove() }
            let r = try cli.run("run", stage, "--cache-dir", CLI.store)
            guard r.code == 0 else { return .failure(CLIError("uninterrupted run failed: \(r.stderr)")) }
            guard loggedEpochs(r.stdout, stage: stage) == Array(1...epochs) else {
                return .failure(CLIError("uninterrupted run logged epochs \(loggedEpochs(r.stdout, stage: stage))"))
            }
            return .success(try finalOutputs(cli))
        } catch {
            return .failure(CLIError("uninterrupted run: \(error)"))
        }
    }()

    static func finalOutputs(_ cli: CLI) throws -> [String: Data] { try MiniStudy.finalOutputs(of: stage, in: cli) }

    @Test func killAfterEpochTwoResumesAndMatchesAnUninterruptedRun() throws {
        let reference = try Self.reference.get()
        let cli = try CLI(pipeline: Self.pipeline())
        defer { cli.remove() }
        let (killedRun, killed, pid) = try cli.runKilling(["run", Self.stage, "--cache-dir", CLI.store]) {
            $0.hasPrefix("\(Self.stage): epoch  2 ")
        }
        try #require(killed, "the run ended before it could be killed: \(killedRun.stdout)")
        // The log line follows the durable save, so the last logged epoch is
        // the last saved one (2, unless the kill landed after a later epoch).
        let done = loggedEpochs(killedRun.stdout, stage: Self.stage)
        let last = try #require(done.last)
        #expect(done == Array(1...last))
        #expect(last >= 2 && last < Self.epochs)
        #expect(!killedRun.stdout.contains("done \(Self.stage)"))

        let rerun = try cli.run("run", Self.stage, "--cache-dir", CLI.store)
        #expect(rerun.code == 0, "stderr: \(rerun.stderr)")
        // The kernel released the killed run's locks: nothing to take over, nothing to say.
        #expect(rerun.stderr == "", "killed pid \(pid)")
        print("resume: killed after epoch \(last); rerun said: \(lines(rerun.stdout, startingWith: "\(Self.stage): resuming"))")
        #expect(lines(rerun.stdout, startingWith: "\(Self.stage): resuming") == ["\(Self.stage): resuming after epoch \(last)"])
        #expect(loggedEpochs(rerun.stdout, stage: Self.stage) == Array((last + 1)...Self.epochs))
        #expect(normalized(lines(rerun.stdout, startingWith: "1 ran").joined()) == "1 ran, 5 cached, 0 failed in Ns")
        let files = try Self.finalOutputs(cli)
        #expect(files["model.safetensors"] == reference["model.safetensors"], "model.safetensors differs from the uninterrupted run")
        #expect(files["metrics.json"] == reference["metrics.json"], "metrics.json differs from the uninterrupted run")
        // The scratch folder of the stage is gone once its result is published.
        #expect(cli.files(under: "\(CLI.store)/work") == [])
    }

    @Test func killBeforeAnyEpochRestartsFromScratch() throws {
        let reference = try Self.reference.get()
        let cli = try CLI(pipeline: Self.pipeline())
        defer { cli.remove() }
        // The stage line is printed as the stage starts; its first epoch takes
        // a tenth of a second or more, far longer than the kill.
        let (killedRun, killed, _) = try cli.runKilling(["run", Self.stage, "--cache-dir", CLI.store]) {
            $0.hasPrefix("run  \(Self.stage)")
        }
        try #require(killed)
        try #require(loggedEpochs(killedRun.stdout, stage: Self.stage) == [], "an epoch finished before the kill")

        let rerun = try cli.run("run", Self.stage, "--cache-dir", CLI.store)
        #expect(rerun.code == 0, "stderr: \(rerun.stderr)")
        #expect(lines(rerun.stdout, startingWith: "\(Self.stage): resuming") == [])
        #expect(loggedEpochs(rerun.stdout, stage: Self.stage) == Array(1...Self.epochs))
        let files = try Self.finalOutputs(cli)
        #expect(files == reference)
    }

    /// Ctrl-C (SIGINT) during training stops after the epoch being trained,
    /// exits 130 without publishing, and the rerun resumes from that epoch.
    @Test func interruptStopsAfterTheCurrentEpochAndResumes() throws {
        let reference = try Self.reference.get()
        let cli = try CLI(pipeline: Self.pipeline())
        defer { cli.remove() }
        let (stopped, signalled, _) = try cli.runKilling(["run", Self.stage, "--cache-dir", CLI.store], signal: SIGINT) {
            $0.hasPrefix("\(Self.stage): epoch  2 ")
        }
        try #require(signalled)
        #expect(stopped.code == 130)
        let done = loggedEpochs(stopped.stdout, stage: Self.stage)
        let last = try #require(done.last)
        #expect(last >= 2 && last < Self.epochs, "epochs before the stop: \(done)")
        // The engine reports an interrupted run by its summary, not as a failure.
        #expect(stopped.stderr == "")
        #expect(normalized(lines(stopped.stdout, startingWith: "5 ran").joined()) == "5 ran, 0 cached, 0 failed in Ns (interrupted)")
        #expect(!stopped.stdout.contains("done \(Self.stage)"))

        let rerun = try cli.run("run", Self.stage, "--cache-dir", CLI.store)
        #expect(rerun.code == 0, "stderr: \(rerun.stderr)")
        #expect(rerun.stderr == "")
        #expect(lines(rerun.stdout, startingWith: "\(Self.stage): resuming") == ["\(Self.stage): resuming after epoch \(last)"])
        #expect(try Self.finalOutputs(cli) == reference)
    }
}
