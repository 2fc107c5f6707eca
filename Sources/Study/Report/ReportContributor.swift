import Workflow

/// A stage kind whose results the report shows: it adopts this protocol in
/// its own file, and its one line in `StudyKinds.all` is then all the report
/// needs to read its stages and show them (docs/extending.md).
///
/// Contract:
/// - **Role.** The report reads the kind's stages as the input role named for
///   the kind (`Self.name`), with `reportCount` and `reportFiles`
///   (`reportRole`). `ReportStage.inputs` lists it, so the loader rejects a
///   report stage that lacks such a dependency, naming the stage and the role;
///   `.zeroOrMore` makes the section optional instead.
/// - **Place.** Sections appear in the order of `StudyKinds.all`, after the
///   report's own test-accuracy table and before its provenance table.
/// - **Order of calls.** `loadReport` runs once per report, for every
///   contributor; then `shareFacts`, for every contributor in registration
///   order; then `reportBlocks` and `reportMetrics`. So `shareFacts` may read
///   only what the report itself owns (`ReportContext.evaluations`), and the
///   blocks may read every fact.
/// - **Bytes.** `reportBlocks` and `reportMetrics` are pure: the report's
///   bytes depend only on its inputs' bytes (and the numerics identity).
///   Figure names and metric keys must be unique across the report; the
///   report stage fails naming both owners otherwise.
/// - **Version.** This code runs in the report's stage, so the report's key
///   must change with it: bump `reportVersion` (not the kind's `version`)
///   when a change here changes report.md or metrics.json for the same
///   inputs. `ReportStage.version` adds every contributor's bumps.
protocol ReportContributor: StageKind {
    /// What `loadReport` reads: the decoded artifact, or a struct of several.
    associatedtype ReportPart

    /// Bumped whenever this contributor's part of the report could change for
    /// the same inputs (default 1); see **Version** above.
    static var reportVersion: Int { get }
    /// How many stages of this kind the report reads (default `.one`).
    static var reportCount: InputRole.Count { get }
    /// The files the report reads from each of them.
    static var reportFiles: [String] { get }

    /// Reads the role's inputs (`context.input(name)` / `context.inputs(name)`).
    /// Errors name the stage or role and the file.
    static func loadReport(_ context: StageContext) throws -> ReportPart
    /// Sets the facts other sections read (say, the activation order). Default: none.
    static func shareFacts(_ part: ReportPart, into report: inout ReportContext)
    /// Markdown and figures, in the order report.md shows them.
    static func reportBlocks(_ part: ReportPart, _ report: ReportContext) -> [ReportBlock]
    /// Top-level keys of metrics.json (docs/metrics.md). Default: none.
    static func reportMetrics(_ part: ReportPart) -> [String: any Encodable & Sendable]
}

extension ReportContributor {
    static var reportVersion: Int { 1 }
    static var reportCount: InputRole.Count { .one }
    static func shareFacts(_ part: ReportPart, into report: inout ReportContext) {}
    static func reportMetrics(_ part: ReportPart) -> [String: any Encodable & Sendable] { [:] }

    /// The role the report declares for this kind; its name is always the kind's.
    static var reportRole: InputRole { InputRole(name, reportCount, files: reportFiles) }
}
