import Foundation
import Testing

/// Resume where the kept model is not the last one trained: tanh with
/// patience 2 peaks at epoch 2 and stops after epoch 4. Killed after epoch 3,
/// the rerun must restore the best weights and the early-stopping state from
/// disk (taking the current weights instead, or restarting the count, would
/// change model.safetensors or train on past epoch 4).
@Suite(.serialized) struct StudyResumeEarlyStopTests {
    static let stage = "train@tanh-s42"

    static func pipeline() throws -> String {
        try MiniStudy.pipeline(replacing: [(#""maxEpochs": 3"#, #""maxEpochs": 6"#), (#""patience": 7"#, #""patience": 2"#)])
    }

    @Test func killAfterANonBestEpochKeepsTheEarlierBest() throws {
        let uninterrupted = try CLI(pipeline: Self.pipeline())
        defer { uninterrupted.remove() }
        let full = try uninterrupted.run("run", Self.stage, "--cache-dir", CLI.store)
        try #require(full.code == 0, "stderr: \(full.stderr)")
        // The premise: best epoch 2, stop after 4.
        try #require(loggedEpochs(full.stdout, stage: Self.stage) == [1, 2, 3, 4])
        let reference = try MiniStudy.finalOutputs(of: Self.stage, in: uninterrupted)
        let metrics = try #require(try JSONSerialization.jsonObject(with: reference["metrics.json"] ?? Data()) as? [String: Any])
        #expect(metrics["bestEpoch"] as? Int == 2)
        #expect(metrics["stoppedEarly"] as? Bool == true)

        let cli = try CLI(pipeline: Self.pipeline())
        defer { cli.remove() }
        let (killedRun, killed, _) = try cli.runKilling(["run", Self.stage, "--cache-dir", CLI.store]) {
            $0.hasPrefix("\(Self.stage): epoch  3 ")
        }
        try #require(killed)
        let last = try #require(loggedEpochs(killedRun.stdout, stage: Self.stage).last)
        #expect(last == 3, "the kill landed after epoch \(last), not 3: this run does not test the restored best")

        let rerun = try cli.run("run", Self.stage, "--cache-dir", CLI.store)
        #expect(rerun.code == 0, "stderr: \(rerun.stderr)")
        #expect(lines(rerun.stdout, startingWith: "\(Self.stage): resuming") == ["\(Self.stage): resuming after epoch \(last)"])
        #expect(loggedEpochs(rerun.stdout, stage: Self.stage) == Array((last + 1)...4))
        let resumed = try MiniStudy.finalOutputs(of: Self.stage, in: cli)
        #expect(resumed["model.safetensors"] == reference["model.safetensors"])
        #expect(resumed["metrics.json"] == reference["metrics.json"])
    }
}
