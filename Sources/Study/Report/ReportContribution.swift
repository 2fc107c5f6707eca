import Workflow

/// One contributor's loaded part, its type erased so the report can hold
/// every contributor's together (see `ReportContributor` for the order of calls).
struct ReportContribution {
    /// The contributing kind's name (= its role), for error messages.
    let kind: String
    let share: (inout ReportContext) -> Void
    let blocks: (ReportContext) -> [ReportBlock]
    let metrics: [String: any Encodable & Sendable]

    /// Loads `contributor`'s part from `context`.
    init<C: ReportContributor>(_ contributor: C.Type, loading context: StageContext) throws {
        let part = try C.loadReport(context)
        kind = C.name
        share = { C.shareFacts(part, into: &$0) }
        blocks = { C.reportBlocks(part, $0) }
        metrics = C.reportMetrics(part)
    }
}
