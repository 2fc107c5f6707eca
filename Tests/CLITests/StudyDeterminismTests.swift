import Foundation
import Testing

/// The same mini study must give the same bytes whatever the thread count, the
/// store, and the kernel OpenBLAS would pick for the host: the engine pins one
/// kernel and overrides what `OPENBLAS_CORETYPE` says. Only the volatile files
/// (wall-clock times and host facts: train's `timing.json`, the report's
/// `timings.md`) may differ, and they are in no key and not in the lock file.
@Suite(.serialized) struct StudyDeterminismTests {
    @Test func twoStoresAndThreadCountsGiveTheSameBytes() throws {
        let one = try MiniStudyRun.shared.get()
        try #require(one.first.code == 0, "stderr: \(one.first.stderr)")
        let two = try CLI(pipeline: MiniStudy.pipeline())
        defer { two.remove() }
        let second = try two.run("run", "all", "-j", "2", "--cache-dir", CLI.store)
        try #require(second.code == 0, "stderr: \(second.stderr)")
        try expectSameResults(one.cli, two)

        // timing.json differs in its times only: same epochs, thread counts.
        let a = try LockFile(at: one.cli.dir.appendingPathComponent("pipeline.lock.json"))
        for stage in MiniStudy.trainStages {
            for cli in [one.cli, two] {
                let record = try cli.record(try #require(a.key(stage)))
                let hash = try #require((record["outputs"] as? [String: [String: Any]])?["timing.json"]?["hash"] as? String)
                let timing = try #require(try JSONSerialization.jsonObject(with: cli.object(hash)) as? [String: Any])
                #expect(Set(timing.keys) == ["epochSeconds", "threads", "epochThreads"])
                #expect((timing["epochThreads"] as? [Int])?.count == 3)
                #expect((timing["epochSeconds"] as? [Double])?.count == 3)
            }
        }
    }

    /// Whatever kernel the environment asks OpenBLAS for (the AVX-512 ones
    /// included, which an AVX2-only CPU could not even run), the bytes are the
    /// ones of the pinned Haswell kernel.
    @Test(arguments: ["Haswell", "SkylakeX", "Cooperlake", "Zen", "Prescott"])
    func forcedCoreTypeGivesTheSameBytes(coretype: String) throws {
        let one = try MiniStudyRun.shared.get()
        try #require(one.first.code == 0, "stderr: \(one.first.stderr)")
        var forced = try CLI(pipeline: MiniStudy.pipeline())
        defer { forced.remove() }
        forced.environment["OPENBLAS_CORETYPE"] = coretype
        let output = try forced.run("run", "all", "-j", "2", "--cache-dir", CLI.store)
        try #require(output.code == 0, "stderr: \(output.stderr)")
        try expectSameResults(one.cli, forced)
        let show = try forced.run("show", "train@relu-s42", "--cache-dir", CLI.store)
        #expect(lines(show.stdout, startingWith: "numerics").first
                == "numerics blas OpenBLAS 0.3.21, kernel Haswell, lanes 2, libc glibc 2.36, numerics 2")
    }

    /// The lock file and every workspace output but timings.md, byte for byte.
    private func expectSameResults(_ x: CLI, _ y: CLI) throws {
        let lockX = try Data(contentsOf: x.dir.appendingPathComponent("pipeline.lock.json"))
        let lockY = try Data(contentsOf: y.dir.appendingPathComponent("pipeline.lock.json"))
        #expect(lockX == lockY, "pipeline.lock.json differs")
        let files = x.files(under: "outputs")
        #expect(files == y.files(under: "outputs"))
        #expect(files.count == 21)
        var differing: [String] = []
        for file in files where file != "timings.md" {
            let a = try Data(contentsOf: x.dir.appendingPathComponent("outputs/\(file)"))
            let b = try Data(contentsOf: y.dir.appendingPathComponent("outputs/\(file)"))
            if a != b { differing.append(file) }
        }
        print("determinism: workspace outputs that differ: \(differing)")
        #expect(differing.isEmpty)
    }
}
