import Foundation
import Testing

/// The same mini study in two separate stores, one run with `-j 1` and one
/// with `-j 2`, must publish byte-identical objects. The one file allowed to
/// differ is each train stage's `timing.json` (wall-clock seconds); through it
/// the input hashes, and so the keys, of train's direct dependents differ, and
/// nothing else.
@Suite(.serialized) struct StudyDeterminismTests {
    @Test func twoStoresAndThreadCountsGiveTheSameBytes() throws {
        let one = try MiniStudyRun.shared.get()
        try #require(one.first.code == 0, "stderr: \(one.first.stderr)")
        let two = try CLI(pipeline: MiniStudy.pipeline())
        defer { two.remove() }
        let second = try two.run("run", "all", "-j", "2", "--cache-dir", CLI.store)
        try #require(second.code == 0, "stderr: \(second.stderr)")
        let a = try LockFile(at: one.cli.dir.appendingPathComponent("pipeline.lock.json"))
        let b = try LockFile(at: two.dir.appendingPathComponent("pipeline.lock.json"))
        #expect(Set(a.stages.keys) == Set(b.stages.keys))
        #expect(a.stages.count == MiniStudy.stageCount)

        var differing: [String] = []
        for stage in a.stages.keys.sorted() {
            let outA = a.outputs(stage), outB = b.outputs(stage)
            #expect(Set(outA.keys) == Set(outB.keys), "\(stage)")
            for file in outA.keys.sorted() where outA[file] != outB[file] { differing.append("\(stage)/\(file)") }
            // Inputs agree except for timing.json, the only difference upstream.
            let inA = a.inputs(stage), inB = b.inputs(stage)
            for dep in inA.keys {
                var fa = inA[dep] ?? [:], fb = inB[dep] ?? [:]
                fa["timing.json"] = nil; fb["timing.json"] = nil; fa["timings.md"] = nil; fb["timings.md"] = nil
                #expect(fa == fb, "\(stage) input \(dep)")
            }
            let readsTiming = inA.values.contains { $0["timing.json"] != nil }
            if !readsTiming { #expect(a.key(stage) == b.key(stage), "\(stage) key") }
        }
        print("determinism: outputs that differ between the two stores: \(differing)")
        // The volatile outputs (wall-clock times), and nothing else.
        #expect(differing == ["report/timings.md"] + MiniStudy.trainStages.map { "\($0)/timing.json" })

        // timing.json differs in its times only: same epochs, thread counts.
        for stage in MiniStudy.trainStages {
            let ta = try timing(one, a.outputs(stage)["timing.json"]), tb = try timing(two, b.outputs(stage)["timing.json"])
            #expect(Set(ta.keys) == ["epochSeconds", "threads", "epochThreads"])
            #expect(Set(tb.keys) == ["epochSeconds", "threads", "epochThreads"])
            #expect((ta["epochThreads"] as? [Int])?.count == 3)
            #expect((ta["epochSeconds"] as? [Double])?.count == 3)
            #expect((tb["epochSeconds"] as? [Double])?.count == 3)
        }

        // The workspace copies agree byte for byte, report.md included; timings.md holds times.
        let files = one.cli.files(under: "outputs")
        #expect(files == two.files(under: "outputs"))
        for file in files where file != "timings.md" {
            let x = try Data(contentsOf: one.cli.dir.appendingPathComponent("outputs/\(file)"))
            let y = try Data(contentsOf: two.dir.appendingPathComponent("outputs/\(file)"))
            #expect(x == y, "outputs/\(file) differs")
        }
    }

    private func timing(_ cli: CLI, _ hash: String?) throws -> [String: Any] {
        let data = try cli.object(try #require(hash))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func timing(_ run: MiniStudyRun, _ hash: String?) throws -> [String: Any] { try timing(run.cli, hash) }
}
