import ArgumentParser
import Foundation
import Study
import Workflow

/// `--file` and `--cache-dir`, and loading the pipeline they name.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: "The pipeline file.")
    var file: String = "pipeline.json"

    @Option(name: .long, help: "The store folder (default: $PIPELINE_CACHE_DIR, else .pipeline beside the pipeline file).")
    var cacheDir: String?

    static var registry: KindRegistry { StudyKinds.registry(adding: BuiltinKinds.all) }

    var fileURL: URL { URL(fileURLWithPath: file).standardizedFileURL }

    /// The pipeline and its store; a validation error is printed and exits 2.
    func load() throws -> (Pipeline, Store) {
        do {
            let p = try PipelineLoader.load(file: fileURL, displayName: file, registry: Self.registry)
            return (p, Store.locate(projectRoot: p.root, cacheDir: cacheDir))
        } catch {
            fail(error)
        }
    }

    /// `load()`, with pipeline.lock.json read on another thread meanwhile.
    func loadReadingLock() throws -> (Pipeline, Store, LockFile.Reading) {
        let root = fileURL.deletingLastPathComponent()
        let reading = LockFile.Reading(root: root, store: Store.locate(projectRoot: root, cacheDir: cacheDir))
        let (p, store) = try load()
        return (p, store, reading)
    }
}

extension ProjectOptions {
    /// The pipeline, its store and the one stage `target` names (`command` is
    /// named in the error when it names none or several).
    func loadStage(_ target: String, for command: String) throws -> (Pipeline, Store, StageInstance) {
        let (pipeline, store) = try load()
        let names: [String]
        do { names = try pipeline.resolve(target: target) } catch { fail(error) }
        guard names.count == 1, let stage = pipeline[names[0]] else {
            fail(PipelineError("'\(target)' names \(names.count) stages (\(names.joined(separator: ", "))); \(command) needs one"))
        }
        return (pipeline, store, stage)
    }
}

/// Prints `error: <message>` on stderr and exits 2 (bad input) or 1 (engine failure).
func fail(_ error: Error) -> Never {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(error is PipelineError ? 2 : 1)
}
