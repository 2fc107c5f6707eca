import Foundation
import Report
import Workflow

/// Builds the report from the kinds it is given: the report's own parts
/// (title, test accuracy, provenance, timings) plus every kind among them that
/// is a `ReportContributor`, in the order given. `ReportStage` passes
/// `StudyKinds.all`; tests pass kinds of their own.
///
/// Order of work: load the report's own inputs, then every contributor's part;
/// let each share its facts (`ReportContext`); collect their blocks; draw the
/// figures; write metrics.json, report.md and timings.md. A failure anywhere
/// throws before the stage publishes, so no partial report appears.
struct ReportBuilder: Sendable {
    let contributors: [any ReportContributor.Type]

    init(kinds: [any StageKind.Type]) {
        contributors = kinds.compactMap { $0 as? any ReportContributor.Type }
    }

    /// The report's own roles, then each contributor's, in report order: the
    /// report stage's declared inputs (`StageKind.inputs`).
    var inputs: [InputRole] { ReportInputs.roles + contributors.map { $0.reportRole } }

    /// The report's version: `own` (the version of its own parts) plus every
    /// contributor's bumps (`reportVersion - 1`), so changing any part of the
    /// report changes the report stage's key. Versions only grow, so while the
    /// contributors stay the same the sum never returns to an earlier value.
    func version(own: Int) -> Int {
        own + contributors.map { $0.reportVersion - 1 }.reduce(0, +)
    }

    func build(title: String, in context: StageContext) throws {
        let inputs = try ReportInputs.load(context, contributors: contributors.map { $0.name })
        let parts = try contributors.map { try ReportContribution($0, loading: context) }
        var facts = ReportContext(evaluations: inputs.evaluations)
        for part in parts { part.share(&facts) }
        let sections = parts.map { (kind: $0.kind, blocks: $0.blocks(facts)) }

        let rendered = try drawFigures(sections, in: context)
        if !rendered {
            context.log("gnuplot not found: wrote the figures' .dat and .gp files without SVGs; install gnuplot-nox and rerun, or run `gnuplot NAME.gp` in outputs/figures")
        }
        try Artifacts.write(StudyMetrics(evaluations: inputs.evaluations, analyses: try metrics(parts)),
                            as: "metrics.json", in: context)
        let markdown = ReportMarkdown(title: title, inputs: inputs, context: facts, blocks: sections.flatMap(\.blocks),
                                      rendered: rendered, numerics: context.numerics)
        try Artifacts.writeText(markdown.render(), as: "report.md", in: context)
        let timings = ReportTimings(inputs: inputs, environment: .current(), pipelineHash: context.pipelineHash,
                                    toolVersion: context.toolVersion)
        try Artifacts.writeText(timings.render(), as: "timings.md", in: context)
    }

    /// Writes every figure under `figures/`; false when gnuplot is missing (the
    /// `.dat` and `.gp` files are then written, the SVGs are not).
    private func drawFigures(_ sections: [(kind: String, blocks: [ReportBlock])], in context: StageContext) throws -> Bool {
        var owner: [String: String] = [:]
        for section in sections {
            for case .figure(let f) in section.blocks {
                if let other = owner[f.name] {
                    throw StageError("figure '\(f.name)' is drawn by both '\(other)' and '\(section.kind)'; figure names must be unique")
                }
                owner[f.name] = section.kind
            }
        }
        let folder = context.outputDirectory.appendingPathComponent("figures")
        var rendered = true
        for case .figure(let entry) in sections.flatMap(\.blocks) {
            do {
                try entry.figure.render(to: folder, name: entry.name)
            } catch let error as GnuplotError {
                guard case .notFound = error else { throw StageError("figure \(entry.name): \(error)") }
                rendered = false
            }
        }
        return rendered
    }

    /// Every contributor's metrics.json keys; a key given twice, or one of the report's own, is an error.
    private func metrics(_ parts: [ReportContribution]) throws -> [String: any Encodable & Sendable] {
        var all: [String: any Encodable & Sendable] = [:]
        var owner: [String: String] = [:]
        for part in parts {
            for (key, value) in part.metrics {
                if StudyMetrics.ownKeys.contains(key) {
                    throw StageError("metrics key '\(key)' of '\(part.kind)' is one of the report's own")
                }
                if let other = owner[key] {
                    throw StageError("metrics key '\(key)' is given by both '\(other)' and '\(part.kind)'; keys must be unique")
                }
                owner[key] = part.kind
                all[key] = value
            }
        }
        return all
    }
}
