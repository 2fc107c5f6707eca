import ArgumentParser
import Foundation
import Workflow

/// `pipeline exp show|diff|apply`: the experiments recorded by `run -S` (see docs/experiments.md).
struct ExpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exp", abstract: "Compare and apply experiments recorded by `pipeline run -S`.",
        subcommands: [ExpShow.self, ExpDiff.self, ExpApply.self])
}

/// One row of `exp show` / side of `exp diff`: the workspace (`baseline`) or a recorded experiment.
struct ExperimentRow {
    let name: String
    let overrides: [String]
    let metrics: [String: JSONValue]
    /// Stage -> key.
    let stages: [String: String]

    /// The workspace: its metrics files and the lock file's keys.
    static func baseline(_ pipeline: Pipeline) throws -> ExperimentRow {
        var metrics: [(file: String, value: JSONValue)] = []
        for f in pipeline.metrics {
            guard let bytes = try WholeFile.readIfPresent(pipeline.root.appendingPathComponent(f).path) else { continue }
            do { metrics.append((f, try JSONParser.parse(bytes))) } catch { throw PipelineError("\(f): not valid JSON") }
        }
        let lock = try LockFile.read(root: pipeline.root)
        let e = Experiment(name: "baseline", overrides: [], targets: [], pipelineSha256: pipeline.sourceHash, gitCommit: nil,
                           stages: [], metrics: metrics, failed: 0)
        return ExperimentRow(name: "baseline", overrides: [], metrics: e.flatMetrics, stages: lock.entries.mapValues(\.key))
    }

    init(name: String, overrides: [String], metrics: [String: JSONValue], stages: [String: String]) {
        self.name = name; self.overrides = overrides; self.metrics = metrics; self.stages = stages
    }

    init(_ e: Experiment) {
        self.init(name: e.name, overrides: e.overrides, metrics: e.flatMetrics, stages: Dictionary(e.stages.map { ($0.name, $0.key) }, uniquingKeysWith: { a, _ in a }))
    }

    static func load(_ name: String, pipeline: Pipeline, store: Store) throws -> ExperimentRow {
        ["baseline", "workspace"].contains(name) ? try baseline(pipeline) : ExperimentRow(try ExperimentStore(store: store).read(name))
    }

    /// `file:path` shown as `path` when the pipeline has one metrics file.
    static func label(_ path: String, files: [String]) -> String {
        files.count == 1 && path.hasPrefix(files[0] + ":") ? String(path.dropFirst(files[0].count + 1)) : path
    }
}

struct ExpShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Table of the baseline (the workspace) and every experiment: overrides and metrics.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var format: TableFormat
    @Flag(help: "Every metric, not only those that differ between rows.") var all = false
    @Option(help: "Only metrics whose path starts with this (repeatable), e.g. test_accuracy.relu.") var metric: [String] = []

    func run() throws {
        let (pipeline, store) = try project.load()
        let rows: [ExperimentRow]
        do { rows = try [ExperimentRow.baseline(pipeline)] + ExperimentStore(store: store).all().map(ExperimentRow.init) } catch { fail(error) }
        let paths = Set(rows.flatMap(\.metrics.keys)).sorted().filter { p in
            let shown = ExperimentRow.label(p, files: pipeline.metrics)
            if !metric.isEmpty { return metric.contains { shown.hasPrefix($0) || p.hasPrefix($0) } }
            if all || format.json { return true }
            return !rows.allSatisfy { MetricValues.same($0.metrics[p], rows[0].metrics[p]) }
        }
        if format.json {
            let items: [JSONValue] = rows.map { r in
                .object([("name", .string(r.name)), ("overrides", .array(r.overrides.map(JSONValue.string))),
                         ("metrics", .object(paths.compactMap { p in r.metrics[p].map { (ExperimentRow.label(p, files: pipeline.metrics), $0) } }))])
            }
            print(CanonicalJSON.string(.object([("experiments", .array(items))]), pretty: true))
            return
        }
        var table = ValueTable(headers: ["Experiment", "Overrides"] + paths.map { ExperimentRow.label($0, files: pipeline.metrics) }, textColumns: 2)
        for r in rows {
            table.rows.append([r.name, r.overrides.isEmpty ? "-" : r.overrides.joined(separator: " ")] + paths.map { MetricValues.cell(r.metrics[$0]) })
        }
        print(format.md ? table.markdown() : table.text(), terminator: "")
    }
}

struct ExpDiff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff", abstract: "What differs between two experiments (`baseline` is the workspace): overrides, results, metrics.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var format: TableFormat
    @Argument(help: "An experiment, or baseline: the old side (with one name: the new side, against baseline).") var first: String
    @Argument(help: "The new side; Change is new - old.") var second: String?
    @Flag(help: "Every metric, not only those that differ.") var all = false

    func run() throws {
        let (a, b) = second.map { (first, $0) } ?? ("baseline", first)
        let (pipeline, store) = try project.load()
        let x: ExperimentRow, y: ExperimentRow
        do { x = try ExperimentRow.load(a, pipeline: pipeline, store: store); y = try ExperimentRow.load(b, pipeline: pipeline, store: store) } catch { fail(error) }
        let changes = MetricValues.changes(old: x.metrics, new: y.metrics, all: all)
        // Stages both ran with different keys: their results differ.
        let differing = pipeline.stages.map(\.name).filter { n in x.stages[n] != nil && y.stages[n] != nil && x.stages[n] != y.stages[n] }
        if format.json {
            print(CanonicalJSON.string(.object([
                ("overrides", .object([(a, .array(x.overrides.map(JSONValue.string))), (b, .array(y.overrides.map(JSONValue.string)))])),
                ("stages", .array(differing.map(JSONValue.string))),
                ("metrics", .object(changes.map { c in (ExperimentRow.label(c.path, files: pipeline.metrics),
                    .object([("old", c.old ?? .null), ("new", c.new ?? .null), ("diff", c.delta.map(JSONValue.double) ?? .null)])) })),
            ]), pretty: true))
            return
        }
        print("overrides \(a): \(x.overrides.isEmpty ? "-" : x.overrides.joined(separator: " "))")
        print("overrides \(b): \(y.overrides.isEmpty ? "-" : y.overrides.joined(separator: " "))")
        print("stages with different results: \(differing.isEmpty ? "none" : differing.joined(separator: ", "))")
        var table = ValueTable(headers: ["Metric", a, b, "Change"])
        for c in changes {
            table.rows.append([ExperimentRow.label(c.path, files: pipeline.metrics), MetricValues.cell(c.old), MetricValues.cell(c.new), MetricValues.cell(delta: c.delta)])
        }
        if changes.isEmpty { print("metrics: no difference") } else { print(format.md ? table.markdown() : table.text(), terminator: "") }
    }
}

struct ExpApply: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply", abstract: "Copy an experiment's results into the workspace outputs (pipeline.json is not edited).")

    @OptionGroup var project: ProjectOptions
    @Argument(help: "The experiment.") var name: String
    @Flag(help: "Replace files at workspace output paths that pipeline did not write (refused otherwise).") var forceOutputs = false

    func run() throws {
        let (pipeline, store) = try project.load()
        let console = Console()
        do {
            let e = try ExperimentStore(store: store).read(name)
            let copied = try ExperimentApply(pipeline: pipeline, store: store, console: console).apply(e, force: forceOutputs)
            console.line("applied \(name): \(copied) file\(copied == 1 ? "" : "s") copied (a plain `pipeline run` brings back the baseline)")
        } catch let e as PipelineError { fail(e) } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8)); throw ExitCode(1)
        }
    }
}
