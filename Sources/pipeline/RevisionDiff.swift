import ArgumentParser
import Foundation
import Workflow

/// What `params diff` and `metrics diff` print: values of the workspace
/// against a git revision, grouped by path (a stage, a params file or a metrics
/// file), with the change per value: only changed values unless `--all`.
struct RevisionDiff {
    /// Path -> dotted name -> value, for each side.
    let old: [String: [String: JSONValue]]
    let new: [String: [String: JSONValue]]
    let rev: String
    let firstColumn: String

    func print(format: TableFormat, all: Bool) {
        var table = ValueTable(headers: ["Path", firstColumn, rev, "workspace", "Change"], textColumns: 2)
        var json: [(key: String, value: JSONValue)] = []
        for path in Set(old.keys).union(new.keys).sorted() {
            let changes = MetricValues.changes(old: old[path] ?? [:], new: new[path] ?? [:], all: all)
            if changes.isEmpty { continue }
            for c in changes {
                table.rows.append([path, c.path, MetricValues.cell(c.old), MetricValues.cell(c.new), MetricValues.cell(delta: c.delta)])
            }
            json.append((path, .object(changes.map { c in
                (c.path, .object([("old", c.old ?? .null), ("new", c.new ?? .null), ("diff", c.delta.map(JSONValue.double) ?? .null)]))
            })))
        }
        if format.json { Swift.print(CanonicalJSON.string(.object(json), pretty: true)) }
        else if table.rows.isEmpty { return }
        else { Swift.print(format.md ? table.markdown() : table.text(), terminator: "") }
    }
}

struct ParamsDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff", abstract: "Stage params and params-file keys of the workspace against a git revision.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var format: TableFormat
    @Argument(help: "The git revision to compare with.") var rev: String = "HEAD"
    @Flag(help: "Also list unchanged params.") var all = false

    func run() throws {
        let (pipeline, _) = try project.load()
        do {
            try Git.requireRevision(rev, root: pipeline.root)
            let data = try Git.show(rev, project.fileURL.lastPathComponent, root: pipeline.root)
            let json: JSONValue
            do { json = try JSONParser.parse(data) } catch { throw PipelineError("\(rev):\(project.file): not valid JSON") }
            let old = try PipelineLoader.load(json: json, displayName: "\(rev):\(project.file)", root: pipeline.root, registry: ProjectOptions.registry)
            RevisionDiff(old: try values(old, at: rev), new: try values(pipeline, at: nil), rev: rev, firstColumn: "Param")
                .print(format: format, all: all)
        } catch { fail(error) }
    }

    /// Stage -> its params, and params file -> the keys the stages list; read from git at `rev`, or the workspace.
    func values(_ p: Pipeline, at rev: String?) throws -> [String: [String: JSONValue]] {
        var out: [String: [String: JSONValue]] = [:]
        for s in p.stages { out[s.name] = MetricValues.flatten(s.params) }
        var keys: [String: Set<String>] = [:]
        for s in p.stages { for (f, v) in s.paramValues { keys[f, default: []].formUnion(v.keys) } }
        for (file, ks) in keys {
            let data: Data?
            if let rev { data = try? Git.show(rev, file, root: p.root) } else { data = try WholeFile.readIfPresent(p.root.appendingPathComponent(file).path).map { Data($0) } }
            guard let data, let doc = try? ParamsFileDocument.parse(data, name: file) else { continue }
            var values: [String: JSONValue] = [:]
            for k in ks { if let v = ParamsFileDocument.lookup(doc, k) { values[k] = v } }
            out[file] = values
        }
        return out
    }
}

struct MetricsDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff", abstract: "Numbers of the metrics files of the workspace against a git revision.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var format: TableFormat
    @Argument(help: "The git revision to compare with.") var rev: String = "HEAD"
    @Flag(help: "Also list unchanged metrics.") var all = false

    func run() throws {
        let (pipeline, _) = try project.load()
        guard !pipeline.metrics.isEmpty else { fail(PipelineError("\(project.file): no metrics files declared (add \"metrics\": [\"outputs/metrics.json\"])")) }
        do { try Git.requireRevision(rev, root: pipeline.root) } catch { fail(error) }
        var old: [String: [String: JSONValue]] = [:], new: [String: [String: JSONValue]] = [:]
        for f in pipeline.metrics {
            if let data = try? Git.show(rev, f, root: pipeline.root), let v = try? JSONParser.parse(data) { old[f] = MetricValues.flatten(v) }
            let bytes: [UInt8]?
            do { bytes = try WholeFile.readIfPresent(pipeline.root.appendingPathComponent(f).path) } catch { fail(error) }
            if let bytes {
                do { new[f] = MetricValues.flatten(try JSONParser.parse(bytes)) } catch { fail(PipelineError("\(f): not valid JSON")) }
            }
        }
        RevisionDiff(old: old, new: new, rev: rev, firstColumn: "Metric").print(format: format, all: all)
    }
}

struct ParamsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "params", abstract: "Compare params with a git revision.",
                                                    subcommands: [ParamsDiffCommand.self])
}

struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "metrics", abstract: "Compare metrics with a git revision.",
                                                    subcommands: [MetricsDiffCommand.self])
}
