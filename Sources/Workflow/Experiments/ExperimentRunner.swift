import Foundation

/// Runs one experiment: the pipeline with `-S` overrides, in a private copy
/// of the project (`ExperimentWorkspace`) against the project's store, then
/// records it (`Experiment`, `ExperimentStore`).
///
/// Validation happens first, against the project itself: a bad override is a
/// `PipelineError` (exit 2) before anything is copied or run. The project's
/// pipeline.json, params files, outputs and lock file are never written.
public struct ExperimentRunner {
    public let pipelineFile: URL
    public let displayName: String
    public let registry: KindRegistry
    public let store: Store
    public let console: Console

    public init(pipelineFile: URL, displayName: String, registry: KindRegistry, store: Store, console: Console) {
        self.pipelineFile = pipelineFile; self.displayName = displayName; self.registry = registry
        self.store = store; self.console = console
    }

    /// The pipeline as the overrides make it, loaded from the project; throws the
    /// load error an override causes, or one for a params-file override no stage reads.
    public func validate(_ overrides: [ParamOverride], targets: [String]) throws -> Pipeline {
        let pipeline = try PipelineLoader.load(file: pipelineFile, displayName: displayName, registry: registry, overrides: overrides)
        for o in overrides {
            guard case .paramsFile(let file, let key) = o.target else { continue }
            // A key no stage lists would change what commands read without changing any cache key: a hidden input.
            let readers = pipeline.stages.filter { s in
                (s.paramValues[file]?.keys).map { keys in keys.contains { $0 == key || $0.hasPrefix(key + ".") || key.hasPrefix($0 + ".") } } ?? false
            }
            guard !readers.isEmpty else {
                throw PipelineError("-S \(o.text): no stage lists key '\(key)' of \(file) in its paramsFiles")
            }
            guard let data = (try? WholeFile.read(pipeline.root.appendingPathComponent(file).path)).map({ Data($0) }) else {
                throw PipelineError("-S \(o.text): cannot read \(file)")
            }
            _ = try Overrides.apply([o], file: file, document: try ParamsFile.parse(data, name: file))
        }
        for t in targets { _ = try pipeline.resolve(target: t) }
        return pipeline
    }

    /// Runs and records experiment `name` (`options.cancellation` stops it).
    /// The record is written even when stages failed.
    public func run(name: String, overrides: [ParamOverride], options: RunOptions, gitCommit: String?) throws -> (Experiment?, RunSummary) {
        let project = try validate(overrides, targets: options.targets)
        let experiments = ExperimentStore(store: store)
        try store.createLayout()
        let ws = try ExperimentWorkspace.make(in: experiments.workFolder, label: name, pipelineFile: pipelineFile, pipeline: project,
                                              paramsOverrides: overrides)
        defer { ws.remove(); LockVerification.drop(root: ws.root, store: store) }  // the copy's note would outlive it
        let copyFile = ws.root.appendingPathComponent(pipelineFile.lastPathComponent)
        let pipeline = try PipelineLoader.load(file: copyFile, displayName: displayName, registry: registry, overrides: overrides)
        let engine = Engine(pipeline: pipeline, store: store, console: console)
        console.line("experiment \(name): \(overrides.map(\.text).joined(separator: " "))")
        let summary = try engine.run(options)
        if summary.interrupted { return (nil, summary) }

        // The stages this run considered, with the keys it recorded in the copy's lock file.
        let targets = options.targets.isEmpty ? ["all"] : options.targets
        var named: [String] = []
        for t in targets { named.append(contentsOf: try pipeline.resolve(target: t)) }
        let lock = try LockFile.read(root: ws.root)
        let stages = pipeline.upstreamClosure(of: named).compactMap { n in lock.entries[n].map { (n, $0.key) } }
        var metrics: [(file: String, value: JSONValue)] = []
        for f in pipeline.metrics {
            // Only files this run wrote: the copy starts without any outputs.
            guard let data = (try? WholeFile.read(ws.root.appendingPathComponent(f).path)).map({ Data($0) }) else { continue }
            do { metrics.append((f, try JSONParser.parse(data))) } catch { console.error("note: metrics file \(f) is not JSON; not recorded") }
        }
        let e = Experiment(name: name, overrides: overrides.map(\.text), targets: options.targets, pipelineSha256: project.sourceHash,
                           gitCommit: gitCommit, stages: stages, metrics: metrics, failed: summary.failed)
        try experiments.write(e)
        console.line("experiment \(name): recorded (\(stages.count) stages" + (metrics.isEmpty ? ", no metrics file produced" : ", metrics: \(metrics.map(\.file).joined(separator: ", "))") + ")")
        return (e, summary)
    }
}
