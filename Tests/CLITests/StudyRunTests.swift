import Foundation
import Testing

/// One full run of the mini study with `-j 1`, shared by the tests that only
/// read its results (a run costs seconds of the two shared cores).
struct MiniStudyRun: Sendable {
    let cli: CLI
    let first: CLI.Output

    static let shared: Result<MiniStudyRun, CLIError> = {
        do {
            let cli = try CLI(pipeline: MiniStudy.pipeline())
            // Kept for the whole test process, removed at its exit.
            atexit { if case let .success(run) = MiniStudyRun.shared { run.cli.remove() } }
            return .success(MiniStudyRun(cli: cli, first: try cli.run("run", "all", "-j", "1", "--cache-dir", CLI.store)))
        } catch {
            return .failure(CLIError("mini study run: \(error)"))
        }
    }()
}

// Both are immutable values (a URL; an exit code and two strings) declared in
// CLIHarness.swift, so the conformance here has to be spelled unchecked.
extension CLI: @unchecked Sendable {}
extension CLI.Output: @unchecked Sendable {}

@Suite(.serialized) struct StudyRunTests {
    @Test func runAllWritesReportFiguresAndLock() throws {
        let run = try MiniStudyRun.shared.get()
        #expect(run.first.code == 0, "stderr: \(run.first.stderr)")
        #expect(run.first.stderr == "")
        #expect(normalized(lines(run.first.stdout, startingWith: "18 ran").joined()) == "18 ran, 0 cached, 0 failed in Ns")
        let figures = ["activation-distributions", "activation-functions", "dead-neurons", "examples",
                       "init-gradients", "validation-curves"].flatMap { name in ["dat", "gp", "svg"].map { "figures/\(name).\($0)" } }
        #expect(run.cli.files(under: "outputs") == (figures + ["metrics.json", "report.md", "timings.md"]).sorted())
        let report = try #require(run.cli.read("outputs/report.md"))
        #expect(report.hasPrefix("# Activation functions on FashionMNIST"))
        for name in ["activation-functions", "validation-curves", "dead-neurons", "examples"] {
            #expect(report.contains("figures/\(name).svg"), "report.md does not link \(name).svg")
        }
        let svg = try #require(run.cli.read("outputs/figures/validation-curves.svg"))
        #expect(svg.contains("<svg"))
        let lock = try LockFile(at: run.cli.dir.appendingPathComponent("pipeline.lock.json"))
        #expect(lock.stages.count == MiniStudy.stageCount)
        // timing.json is volatile: in the store's run record, not in the lock file, which holds no wall-clock value.
        #expect(Set(lock.outputs("train@relu-s42").keys) == ["model.safetensors", "metrics.json"])
        let record = try run.cli.record(try #require(lock.key("train@relu-s42")))
        #expect(Set((record["outputs"] as? [String: Any] ?? [:]).keys) == ["model.safetensors", "metrics.json", "timing.json"])
        #expect(record["started"] is String && record["seconds"] is Double)
        let lockText = try #require(run.cli.read("pipeline.lock.json"))
        #expect(!lockText.contains("\"started\"") && !lockText.contains("\"seconds\"") && !lockText.contains("timing.json"))
        #expect(lock.stages["train@relu-s42"]?["numerics"] as? [String: String] == MiniStudy.numerics)
        #expect(lock.stages["split"]?["numerics"] == nil)
        // The workspace copy is the published object, byte for byte.
        let metricsHash = try #require(lock.outputs("report")["metrics.json"])
        #expect(try run.cli.object(metricsHash) == Data(contentsOf: run.cli.dir.appendingPathComponent("outputs/metrics.json")))
    }

    /// (How long a no-op run takes is measured by `make bench`, not asserted here.)
    /// The whole report, byte for byte: its bytes depend only on results and the
    /// numerics identity, so they are the same on every host. After a deliberate
    /// change (a new section, a new numerics version) regenerate the golden copy
    /// with `pipeline run all` on Tests/fixtures/mini-study and copy outputs/report.md.
    @Test func reportEqualsTheGoldenCopy() throws {
        let run = try MiniStudyRun.shared.get()
        try #require(run.first.code == 0, "stderr: \(run.first.stderr)")
        let report = try #require(run.cli.read("outputs/report.md"))
        let expected = try golden("mini-study-report.md")
        if report != expected {
            let a = report.split(separator: "\n", omittingEmptySubsequences: false)
            let b = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }.map { $0.offset } ?? min(a.count, b.count)
            Issue.record("report.md differs from golden/mini-study-report.md at line \(first + 1): got [\(first < a.count ? a[first] : "<end>")], expected [\(first < b.count ? b[first] : "<end>")]")
        }
    }

    @Test func secondRunDoesNothing() throws {
        let run = try MiniStudyRun.shared.get()
        try #require(run.first.code == 0)
        let lock = run.cli.read("pipeline.lock.json")
        let again = try run.cli.run("run", "all", "--cache-dir", CLI.store)
        #expect(again.code == 0)
        #expect(normalized(again.stdout) == "0 ran, 18 cached, 0 failed in Ns\n")
        #expect(again.stderr == "")
        #expect(run.cli.read("pipeline.lock.json") == lock)
        let status = try run.cli.run("status", "--cache-dir", CLI.store)
        #expect(status.code == 0)
        #expect(status.stdout.hasSuffix("18 up to date, 0 stale\n"), "status: \(status.stdout)")
    }

    /// Not on a terminal, training shows one plain line per finished epoch and
    /// no transient progress (no carriage returns).
    @Test func trainingPrintsOnePlainLinePerEpoch() throws {
        let run = try MiniStudyRun.shared.get()
        #expect(!run.first.stdout.contains("\r"))
        #expect(!run.first.stderr.contains("\r"))
        #expect(!run.first.stdout.contains("\u{1B}"))
        for stage in MiniStudy.trainStages {
            #expect(loggedEpochs(run.first.stdout, stage: stage) == [1, 2, 3], "\(stage)")
            for line in lines(run.first.stdout, startingWith: "\(stage): epoch ") {
                #expect(line.range(of: #"^train@[a-z]+-s42: epoch +[0-9]+  loss [0-9.]+  train [0-9.]+%  validation [0-9.]+%( \(best\))?  [0-9.]+s$"#,
                                   options: .regularExpression) != nil, "\(line)")
            }
        }
    }

    /// metrics.json of the report carries what the stages logged: test
    /// accuracy = correct/total of `evaluate`, the best epoch = the last one
    /// `train` marked "(best)", the dead-neuron counts of `dead-neurons`.
    @Test func reportMetricsAgreeWithTheStagesLogs() throws {
        let run = try MiniStudyRun.shared.get()
        let data = try #require(run.cli.read("outputs/metrics.json"))
        let metrics = try #require(try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any])
        let accuracy = try #require(metrics["test_accuracy"] as? [String: [String: Double]])
        let bestEpoch = try #require(metrics["best_epoch"] as? [String: [String: Int]])
        for act in ["relu", "tanh"] {
            let line = try #require(lines(run.first.stdout, startingWith: "evaluate@\(act)-s42: test accuracy ").first)
            let counts = try #require(line.split(separator: "(").last?.dropLast().split(separator: "/").compactMap { Double($0) })
            try #require(counts.count == 2, "\(line)")
            let logged = 100 * counts[0] / counts[1]
            let reported = try #require(accuracy[act]?["42"])
            print("\(act): test accuracy \(reported)% (log: \(line)); diff \(abs(reported - logged))")
            #expect(abs(reported - logged) < 1e-9)
            let best = lines(run.first.stdout, startingWith: "train@\(act)-s42: epoch ").filter { $0.contains("(best)") }
            let bestLogged = loggedEpochs(best.joined(separator: "\n"), stage: "train@\(act)-s42").last
            #expect(bestEpoch[act]?["42"] == bestLogged)
        }
        let dead = try #require(metrics["dead_neurons"] as? [String: [Int]])
        let format = { (xs: [Int]?) in "[" + (xs ?? []).map(String.init).joined(separator: ", ") + "]" }
        #expect(lines(run.first.stdout, startingWith: "dead-neurons: ")
                == ["dead-neurons: untrained \(format(dead["untrained"])), trained \(format(dead["trained"])), deep untrained \(format(dead["deep_untrained"]))"])
        #expect(dead["untrained"]?.count == 4 && dead["deep_untrained"]?.count == 10)
    }

    @Test func verifyFindsTheStoreIntact() throws {
        let run = try MiniStudyRun.shared.get()
        let verify = try run.cli.run("verify", "--cache-dir", CLI.store)
        #expect(verify.code == 0, "stderr: \(verify.stderr)")
        let objects = run.cli.files(under: "\(CLI.store)/objects").count
        #expect(verify.stdout.hasSuffix("\(objects) objects checked, 0 corrupt\n"), "verify: \(verify.stdout)")
    }
}
