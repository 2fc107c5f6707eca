import Foundation

/// `pipeline exp apply NAME`: puts an experiment's results into the workspace,
/// as a run of it would have, under the store's meta lock.
///
/// The outputs of the experiment's stages are copied to the pipeline's
/// workspace paths by the safe-output rules (`WorkspaceSync`): a path holding
/// a file pipeline did not write is refused, and then nothing at all is changed
/// (unless `force`). The lock file then records those results, so `status`
/// shows the stages as changed from pipeline.json and a plain `pipeline run`
/// brings back the baseline's outputs. pipeline.json is not edited.
public struct ExperimentApply {
    public let pipeline: Pipeline
    public let store: Store
    public let console: Console

    public init(pipeline: Pipeline, store: Store, console: Console) { self.pipeline = pipeline; self.store = store; self.console = console }

    /// Returns how many files were copied.
    public func apply(_ e: Experiment, force: Bool) throws -> Int {
        var results: [String: RunRecord] = [:]
        for (name, key) in e.stages where pipeline[name] != nil {
            guard let r = store.record(key) else {
                throw PipelineError("experiment '\(e.name)': the result of stage '\(name)' (key \(key.prefix(12))) is no longer in the store (collected by gc?); run the experiment again")
            }
            results[name] = r
        }
        let statCache = StatCache(store: store)
        let sync = WorkspaceSync(root: pipeline.root, store: store, statCache: statCache)
        return try store.withMetaLock(message: { console.error($0) }) {
            let lock = try LockFile.read(root: pipeline.root)
            let changes = try sync.changes(pipeline.outputs, results: results, previous: lock, force: force)
            if let refused = WorkspaceSync.refusal(changes) { throw refused }
            let copied = try sync.apply(changes, console: console)
            var entries = lock.entries
            for (name, r) in results { entries[name] = r }
            _ = try LockFile(entries: entries, volatile: pipeline.volatileOutputs).write(root: pipeline.root)
            try statCache.save()
            return copied
        }
    }
}
