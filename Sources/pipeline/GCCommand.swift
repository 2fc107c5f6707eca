import ArgumentParser
import Workflow

struct GCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "gc", abstract: "Remove store objects the current pipeline and lock file do not reach.")

    @OptionGroup var project: ProjectOptions
    @Flag(help: "Only report what would be removed.") var dryRun = false

    func run() throws {
        let (pipeline, store) = try project.load()
        let lock = StoreLock(store: store)
        let report: StoreMaintenance.GCReport
        do {
            try lock.acquire { Console().error($0) }
            let lockFile = try LockFile.read(root: pipeline.root)
            // Keep what the lock file records and what the current pipeline would reuse.
            var keep = Set(lockFile.entries.filter { pipeline[$0.key] != nil }.map(\.value.key))
            for e in Planner(pipeline: pipeline, store: store, lock: lockFile).evaluateAll() { if let r = e.record { keep.insert(r.key) } }
            let lockObjects = Set(lockFile.entries.values.filter { keep.contains($0.key) }.flatMap { $0.outputs.values.map(\.hash) })
            report = try StoreMaintenance(store: store).collect(keep: keep, extraObjects: lockObjects, dryRun: dryRun)
        } catch { fail(error) }
        lock.release()
        let verb = dryRun ? "would remove" : "removed"
        print("\(verb) \(report.records.count) run records, \(report.objects.count) objects (\(report.bytes) bytes)")
    }
}
