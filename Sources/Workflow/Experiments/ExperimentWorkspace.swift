import Foundation

/// A private copy of the project for one experiment, so its workspace
/// outputs, in-place `outs` and lock file land there and the project's own
/// `outputs/` and pipeline.lock.json stay as they are.
///
/// Copied: the pipeline file, the lock file (so reasons say what changed), every
/// file a stage lists in `files`, and the params files (with the `-S FILE:KEY`
/// overrides written in). Stage commands run in the copy, so a command reading
/// an undeclared file fails there instead of reading it unseen. The store is the
/// project's, so results are shared with ordinary runs by key.
struct ExperimentWorkspace {
    let root: URL

    /// Builds the copy under `folder`; `pipeline` is the project's pipeline (with the stage overrides).
    static func make(in folder: URL, label: String, pipelineFile: URL, pipeline: Pipeline,
                     paramsOverrides: [ParamOverride]) throws -> ExperimentWorkspace {
        let root = folder.appendingPathComponent("\(label)-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: root)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let ws = ExperimentWorkspace(root: root)
        let source = pipeline.root
        try ws.copy(from: pipelineFile, to: pipelineFile.lastPathComponent)
        if FileManager.default.fileExists(atPath: LockFile.url(root: source).path) {
            try ws.copy(from: LockFile.url(root: source), to: LockFile.url(root: source).lastPathComponent)
        }
        var files = Set<String>()
        for s in pipeline.stages { for p in s.files { files.formUnion(try FileInputs.expand(p, root: source.path)) } }
        for f in files.sorted() { try ws.copy(from: source.appendingPathComponent(f), to: f) }
        let paramsFiles = Set(pipeline.stages.flatMap(\.paramValues.keys))
        for f in paramsFiles.sorted() {
            let url = source.appendingPathComponent(f)
            guard let data = (try? WholeFile.read(url.path)).map({ Data($0) }) else { throw PipelineError("\(f): cannot read the params file") }
            if paramsOverrides.contains(where: { if case .paramsFile(f, _) = $0.target { return true }; return false }) {
                let doc = try Overrides.apply(paramsOverrides, file: f, document: try ParamsFile.parse(data, name: f))
                try ws.write(try ParamsFile.serialize(doc, name: f), to: f)
            } else {
                try ws.copy(from: url, to: f)
            }
        }
        return ws
    }

    func copy(from url: URL, to rel: String) throws {
        let dest = root.appendingPathComponent(rel)
        try FileManager.default.createDirectory(at: dest.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: url, to: dest)
    }

    func write(_ data: Data, to rel: String) throws {
        let dest = root.appendingPathComponent(rel)
        try FileManager.default.createDirectory(at: dest.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: dest)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
