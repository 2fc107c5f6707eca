import ArgumentParser
import Foundation
import Workflow

/// `pipeline check`: compares the result files named in pipeline.json's
/// `checks` with a reference copy (by default the committed one, `git show
/// HEAD:FILE`), within the declared tolerances. Exit 0 when every number is
/// within tolerance, 1 when any is not, 2 for bad input.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Compare result files with a reference copy within declared tolerances.")

    @OptionGroup var project: ProjectOptions
    @Option(help: "Git revision holding the reference copies.") var rev: String = "HEAD"
    @Option(help: "Folder holding the reference copies (instead of git), under the same relative paths.")
    var referenceDir: String?

    func run() throws {
        let (pipeline, _) = try project.load()
        guard !pipeline.checks.isEmpty else { fail(PipelineError("\(project.file): no `checks` declared")) }
        var failed = 0
        for spec in pipeline.checks {
            let actualURL = pipeline.root.appendingPathComponent(spec.file)
            guard let actual = try? Data(contentsOf: actualURL) else {
                print("\(spec.file): missing (run the pipeline first)"); failed += 1; continue
            }
            let reference: Data
            do { reference = try loadReference(spec.file, root: pipeline.root) } catch {
                fail(PipelineError("\(spec.file): no reference copy: \(error)"))
            }
            let differences: [MetricsCheck.Difference]
            do { differences = try MetricsCheck(tolerances: spec.tolerances).compare(actual: actual, reference: reference) } catch {
                fail(PipelineError("\(spec.file): not valid JSON: \(error)"))
            }
            if differences.isEmpty {
                print("\(spec.file): ok (within tolerance of \(referenceDir ?? rev))")
            } else {
                failed += 1
                print("\(spec.file): \(differences.count) difference\(differences.count == 1 ? "" : "s") beyond tolerance:")
                for d in differences { print("  \(d)") }
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }

    private func loadReference(_ file: String, root: URL) throws -> Data {
        if let referenceDir {
            return try Data(contentsOf: URL(fileURLWithPath: referenceDir).appendingPathComponent(file))
        }
        return try Git.show(rev, file, root: root)
    }
}
