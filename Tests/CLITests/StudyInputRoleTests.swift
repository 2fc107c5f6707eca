import Foundation
import Testing

/// A stage kind's declared inputs are checked when pipeline.json loads: renaming
/// the stage dead-neurons reads as `init-deep` is one error before anything runs.
@Test func renamingARoleStageFailsAtLoadTime() throws {
    let text = try MiniStudy.pipeline(replacing: [(old: #""init-deep": {"#, new: #""deep-init": {"#),
                                                  (old: #""init-deep","#, new: #""deep-init","#)])
    let cli = try CLI(pipeline: text)
    defer { cli.remove() }
    let out = try cli.run("run", "all", "--cache-dir", CLI.store)
    #expect(out.code == 2)
    #expect(out.stdout == "")
    #expect(out.stderr == "error: pipeline.json: stage 'dead-neurons': kind 'dead-neurons' needs an input 'init-deep' (a dependency named init-deep or init-deep@…), found none\n")
    #expect(!FileManager.default.fileExists(atPath: cli.dir.appendingPathComponent(CLI.store).path))
}
