import Foundation
import Testing

/// `run -S`, `--sweep`, `exp show/diff/apply`, `params diff` and `metrics diff`
/// on the mini study and on a small shell project in a git repository.
@Suite(.serialized) struct ExperimentTests {
    /// The mini study run once as the baseline, in its own folder (experiments write records into the store).
    static let study: Result<CLI, CLIError> = {
        do {
            let cli = try CLI(pipeline: MiniStudy.pipeline())
            atexit { if case let .success(c) = ExperimentTests.study { c.remove() } }
            let first = try cli.run("run", "-j", "2", "--cache-dir", CLI.store)
            guard first.code == 0 else { return .failure(CLIError("baseline run: \(first.stderr)")) }
            return .success(cli)
        } catch { return .failure(CLIError("mini study: \(error)")) }
    }()

    static func accuracies(_ show: String) -> [String: String] {
        // Rows: name, overrides, then the test_accuracy.relu.42 column (the only one asked for).
        var out: [String: String] = [:]
        for line in show.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: " ", omittingEmptySubsequences: true)
            if let name = cells.first, let acc = cells.last { out[String(name)] = String(acc) }
        }
        return out
    }

    @Test func twoLearningRatesAreTwoExperimentsAndTheBaselineStaysCached() throws {
        let cli = try Self.study.get()
        let lock = try #require(cli.read("pipeline.lock.json"))
        let metrics = try #require(cli.read("outputs/metrics.json"))
        let pipeline = try #require(cli.read("pipeline.json"))

        let a = try cli.run("run", "-S", "train.learningRate=0.05", "--name", "lr05", "--cache-dir", CLI.store)
        #expect(a.code == 0, "stderr: \(a.stderr)")
        #expect(a.stdout.hasPrefix("experiment lr05: train.learningRate=0.05\n"))
        // Downstream of train: 2 trainings, 2 evaluations, 2 activations, dead-neurons, curves, report.
        #expect(normalized(a.stdout).contains("9 ran, 9 cached, 0 failed in Ns\n"))
        #expect(a.stdout.hasSuffix("experiment lr05: recorded (18 stages, metrics: outputs/metrics.json)\n"))
        let b = try cli.run("run", "--set", "train@relu-s42.learningRate=0.02", "--name", "lr02", "--cache-dir", CLI.store)
        #expect(b.code == 0, "stderr: \(b.stderr)")
        #expect(normalized(b.stdout).contains("6 ran, 12 cached, 0 failed in Ns\n"))

        // The committed files are untouched by experiments, and the store keeps no note for their copies' lock files.
        let notes = try FileManager.default.contentsOfDirectory(atPath: cli.dir.appendingPathComponent(CLI.store + "/verified").path)
        #expect(notes.count == 1, "notes: \(notes)")  // the project's own
        #expect(cli.read("pipeline.lock.json") == lock)
        #expect(cli.read("outputs/metrics.json") == metrics)
        #expect(cli.read("pipeline.json") == pipeline)

        let show = try cli.run("exp", "show", "--metric", "test_accuracy.relu.42", "--cache-dir", CLI.store)
        #expect(show.code == 0)
        let lines = show.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Experiment  Overrides                         test_accuracy.relu.42")
        #expect(lines.map { $0.prefix(10).trimmingCharacters(in: .whitespaces) } == ["Experiment", "baseline", "lr02", "lr05"])
        let acc = Self.accuracies(show.stdout)
        let base = try #require(acc["baseline"]), lr02 = try #require(acc["lr02"]), lr05 = try #require(acc["lr05"])
        #expect(Set([base, lr02, lr05]).count == 3, "accuracies: \(acc)")
        #expect(lines[2].contains("train@relu-s42.learningRate=0.02"))

        let json = try cli.run("exp", "show", "--json", "--metric", "test_accuracy", "--cache-dir", CLI.store)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let rows = try #require(parsed["experiments"] as? [[String: Any]])
        #expect(rows.map { $0["name"] as? String } == ["baseline", "lr02", "lr05"])
        #expect(rows[2]["overrides"] as? [String] == ["train.learningRate=0.05"])
        let md = try cli.run("exp", "show", "--md", "--metric", "test_accuracy.relu.42", "--cache-dir", CLI.store)
        #expect(md.stdout.hasPrefix("| Experiment | Overrides"))

        let diff = try cli.run("exp", "diff", "lr02", "lr05", "--cache-dir", CLI.store)
        #expect(diff.code == 0)
        #expect(diff.stdout.hasPrefix("overrides lr02: train@relu-s42.learningRate=0.02\noverrides lr05: train.learningRate=0.05\n"
            + "stages with different results: train@relu-s42, train@tanh-s42, evaluate@relu-s42, evaluate@tanh-s42, activations@relu, activations@tanh, dead-neurons, curves, report\n"))
        #expect(diff.stdout.contains("\ntest_accuracy.relu.42 "))

        // Back to the baseline: everything is cached and nothing changes.
        let again = try cli.run("run", "--cache-dir", CLI.store)
        #expect(again.code == 0)
        #expect(normalized(again.stdout) == "0 ran, 18 cached, 0 failed in Ns\n")
        #expect(cli.read("pipeline.lock.json") == lock)
        // And returning to an experiment's setting is all cached too.
        let rerun = try cli.run("run", "-S", "train.learningRate=0.05", "--name", "lr05", "--cache-dir", CLI.store)
        #expect(normalized(rerun.stdout).contains("0 ran, 18 cached, 0 failed in Ns\n"))

        // exp apply copies the experiment's results in; a plain run brings the baseline back.
        let apply = try cli.run("exp", "apply", "lr05", "--cache-dir", CLI.store)
        #expect(apply.code == 0, "stderr: \(apply.stderr)")
        #expect(apply.stdout.contains("copy outputs/metrics.json\n"))
        #expect(apply.stdout.hasSuffix("applied lr05: 10 files copied (a plain `pipeline run` brings back the baseline)\n"))
        #expect(cli.read("outputs/metrics.json") != metrics)
        let restore = try cli.run("run", "--cache-dir", CLI.store)
        #expect(restore.code == 0, "stderr: \(restore.stderr)")
        #expect(cli.read("outputs/metrics.json") == metrics)
        #expect(cli.read("pipeline.lock.json") == lock)

        // A sweep: one experiment per value; both points reuse what is cached by key.
        let sweep = try cli.run("run", "-S", "train@tanh-s42.learningRate=[0.01, 0.05]", "--sweep", "--name", "sw", "--cache-dir", CLI.store)
        #expect(sweep.code == 0, "stderr: \(sweep.stderr)")
        let out = normalized(sweep.stdout)
        // (The copy lines are the experiment's private copy of the project receiving its outputs.)
        let first = try #require(out.components(separatedBy: "experiment sw-2:").first)
        #expect(first.hasPrefix("experiment sw-1: train@tanh-s42.learningRate=0.01\n"))
        #expect(first.contains("\n0 ran, 18 cached, 0 failed in Ns\n"))
        // At 0.05 the tanh training is lr05's; only curves and report see a new combination.
        #expect(out.contains("experiment sw-2: train@tanh-s42.learningRate=0.05\n"))
        #expect(out.contains("2 ran, 16 cached, 0 failed in Ns\n"))
        let same = try cli.run("exp", "diff", "sw-1", "--cache-dir", CLI.store)
        #expect(same.stdout.hasSuffix("stages with different results: none\nmetrics: no difference\n"))
        #expect(cli.read("pipeline.lock.json") == lock)
    }

    @Test func applyRefusesAUserFileAndChangesNothing() throws {
        let cli = try Self.study.get()
        let r = try cli.run("run", "-S", "train@tanh-s42.learningRate=0.03", "--name", "tanh03", "--cache-dir", CLI.store)
        try #require(r.code == 0, "stderr: \(r.stderr)")
        // Without a lock file no workspace path is pipeline's, so a differing file there is the user's.
        let lockURL = cli.dir.appendingPathComponent("pipeline.lock.json")
        let lock = try Data(contentsOf: lockURL)
        try FileManager.default.removeItem(at: lockURL)
        try Data("mine\n".utf8).write(to: cli.dir.appendingPathComponent("outputs/report.md"))
        defer { try? lock.write(to: lockURL); _ = try? cli.run("run", "--force-outputs", "--cache-dir", CLI.store) }
        let metrics = cli.read("outputs/metrics.json")
        let apply = try cli.run("exp", "apply", "tanh03", "--cache-dir", CLI.store)
        #expect(apply.code == 1)
        #expect(apply.stderr.hasPrefix("error: outputs/figures/"))
        #expect(apply.stderr.contains("\noutputs/report.md: not written by pipeline (modified); refusing to replace it with the output of 'report' (move it away, or run with --force-outputs to take it over)\n"))
        #expect(apply.stdout == "")
        #expect(cli.read("outputs/report.md") == "mine\n")
        #expect(cli.read("outputs/metrics.json") == metrics)
        #expect(!FileManager.default.fileExists(atPath: lockURL.path))
    }

    @Test(arguments: [
        (["-S", "nope.learningRate=0.1"], "error: pipeline.json: -S nope.learningRate=0.1: unknown stage 'nope' (stages: download, full, decompress, split, examples, act-curves, init, init-deep, train, evaluate, init-gradients, activations, dead-neurons, curves, report)\n"),
        (["-S", "train.learningRat=0.1"], "error: pipeline.json: stage 'train@relu-s42': unknown parameter 'learningRat' (known: activation, batchSize, learningRate, momentum, maxEpochs, patience)\n"),
        (["-S", "train.learningRate=fast"], "error: pipeline.json: stage 'train@relu-s42': params.learningRate: expected a number, found a string\n"),
        (["-S", "train.learningRate=[0.1,0.2]"], "error: pipeline.json: stage 'train@relu-s42': params.learningRate: expected a number, found an array\n"),
        (["-S", "train.learningRate=[0.1,\"x\"]", "--sweep"], "error: pipeline.json: stage 'train@relu-s42': params.learningRate: expected a number, found a string\n"),
        (["-S", "learningRate"], "error: -S learningRate: expected STAGE.PARAM=VALUE or FILE:KEY=VALUE\n"),
        (["-S", "params.yaml:a=1"], "error: -S params.yaml:a=1: no stage lists key 'a' of params.yaml in its paramsFiles\n"),
    ] as [([String], String)])
    func badOverrideIsOneErrorAndRunsNothing(args: [String], expected: String) throws {
        let cli = try CLI(pipeline: MiniStudy.pipeline())
        defer { cli.remove() }
        let (p, out, err) = try cli.start(["run"] + args + ["--cache-dir", CLI.store])
        let o = finish((p, out, err))
        #expect(o.code == 2)
        #expect(o.stderr == expected)
        #expect(o.stdout == "")
        #expect(!FileManager.default.fileExists(atPath: cli.dir.appendingPathComponent(CLI.store).path))
    }

    /// A shell project in a git repository: a params-file override, then both diffs against HEAD.
    @Test func paramsFileOverrideAndDiffsAgainstGit() throws {
        let cli = try CLI(pipeline: """
        {"version": 1, "stages": {"m": {"kind": "shell", "paramsFiles": {"params.json": ["train.rate"]}, "files": ["params.json"],
          "params": {"cmd": "cp params.json $OUT/metrics.json"}}},
         "outputs": [{"stage": "m", "file": "metrics.json", "path": "metrics.json"}], "metrics": ["metrics.json"]}
        """)
        defer { cli.remove() }
        try Data(#"{"train": {"rate": 0.1, "other": 1}}"#.utf8).write(to: cli.dir.appendingPathComponent("params.json"))
        let first = try cli.run("run")
        try #require(first.code == 0, "stderr: \(first.stderr)")
        #expect(cli.read("metrics.json") == #"{"train": {"rate": 0.1, "other": 1}}"#)
        for args in [["init", "-q", "."], ["add", "-A"], ["-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "base"]] {
            let git = Process()
            git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            git.arguments = ["git", "-C", cli.dir.path] + args
            try git.run(); git.waitUntilExit()
            try #require(git.terminationStatus == 0)
        }
        let e = try cli.run("run", "-S", "params.json:train.rate=0.2", "--name", "r2")
        #expect(e.code == 0, "stderr: \(e.stderr)")
        #expect(cli.read("params.json") == #"{"train": {"rate": 0.1, "other": 1}}"#)
        #expect(cli.read("metrics.json") == #"{"train": {"rate": 0.1, "other": 1}}"#)
        let show = try cli.run("exp", "show")
        #expect(show.stdout == "Experiment  Overrides                   train.rate\nbaseline    -                                  0.1\nr2          params.json:train.rate=0.2         0.2\n")
        let record = try #require(cli.read(".pipeline/experiments/r2.json"))
        #expect(record.contains("\"gitCommit\": \"") && record.contains("\"pipelineSha256\": \""))

        #expect(try cli.run("metrics", "diff").stdout == "")
        #expect(try cli.run("exp", "apply", "r2").code == 0)
        let metrics = try cli.run("metrics", "diff")
        #expect(metrics.code == 0)
        #expect(metrics.stdout == "Path          Metric      HEAD  workspace  Change\nmetrics.json  train.rate   0.1        0.2    +0.1\n")
        try Data(#"{"train": {"rate": 0.3, "other": 2}}"#.utf8).write(to: cli.dir.appendingPathComponent("params.json"))
        let params = try cli.run("params", "diff")
        #expect(params.stdout == "Path         Param       HEAD  workspace  Change\nparams.json  train.rate   0.1        0.3    +0.2\n")
        let md = try cli.run("params", "diff", "HEAD", "--md")
        #expect(md.stdout.hasPrefix("| Path        | Param      | HEAD | workspace | Change |\n"))
        let bad = try cli.run("metrics", "diff", "nosuchrev")
        #expect(bad.code == 2)
        #expect(bad.stderr == "error: unknown git revision 'nosuchrev' in \(cli.dir.path)\n")
    }
}
