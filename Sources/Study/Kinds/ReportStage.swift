import Foundation
import Workflow

/// `report`: `report.md`, `metrics.json` and the figures under `figures/`
/// (`.dat` + `.gp` + `.svg`), from the test accuracies and every analysis
/// kind that is a `ReportContributor` (`ReportBuilder`), and
/// `timings.md`, the time each stage took and the machine it ran on.
/// Everything but `timings.md` is deterministic; that one holds wall-clock
/// times and host facts and is a volatile output.
///
/// When gnuplot is missing the stage still writes the data and scripts, says
/// so in its log and in the report, and succeeds; the SVGs are then absent.
struct ReportStage: StageKind {
    struct Params: Codable, Sendable {
        var title: String
    }

    static let name = "report"
    /// The report's own parts' version plus the contributors' bumps (`ReportBuilder.version`).
    /// 4: provenance names pipeline.json's hash and the tool version; stage times in timings.md.
    static let version = ReportBuilder(kinds: StudyKinds.all).version(own: 8)  // 5: facet-grid histogram layout; 6: thread counts only in timings.md; 7: host facts only in timings.md, numerics stated; 8: BLAS row names the lanes
    static let numeric = true
    static let summary = "the study's report, figures and metrics.json"
    /// The report's own roles, then one per `ReportContributor` in `StudyKinds.all`.
    static let inputs = ReportBuilder(kinds: StudyKinds.all).inputs
    static let volatileOutputs: Set<String> = ["timings.md"]

    func run(_ params: Params, in context: StageContext) throws {
        try ReportBuilder(kinds: StudyKinds.all).build(title: params.title, in: context)
    }
}
