import Foundation

/// Experiment records in a store: `experiments/<name>.json`, one per
/// experiment, written atomically (a reader sees the old record or the new one).
/// Work copies of the project for running experiments live in `experiments/work/`.
public struct ExperimentStore: Sendable {
    public let store: Store
    public init(store: Store) { self.store = store }

    var folder: URL { store.root.appendingPathComponent("experiments") }
    var workFolder: URL { folder.appendingPathComponent("work") }
    func url(_ name: String) -> URL { folder.appendingPathComponent("\(name).json") }

    public func write(_ e: Experiment) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try AtomicFile.write(CanonicalJSON.data(e.json, pretty: true), to: url(e.name))
    }

    public func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: url(name).path) }

    /// The named record; a PipelineError naming the known ones when there is none.
    public func read(_ name: String) throws -> Experiment {
        guard let data = (try? WholeFile.read(url(name).path)).map({ Data($0) }) else {
            let known = try all().map(\.name)
            throw PipelineError("no experiment '\(name)' (" + (known.isEmpty ? "none recorded yet" : "experiments: \(known.joined(separator: ", "))") + ")")
        }
        do { return try Experiment(json: try JSONParser.parse(data)) } catch {
            throw PipelineError("\(url(name).path): \(error)")
        }
    }

    /// Every record, sorted by name.
    public func all() throws -> [Experiment] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return try names.filter { $0.hasSuffix(".json") }.sorted().map { try read(String($0.dropLast(5))) }
    }
}
