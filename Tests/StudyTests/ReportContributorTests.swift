import Foundation
import Report
@testable import Study
import Testing
import Workflow

/// A test-only analysis the report shows: `note.json` holds a line of text
/// and a count; its section names the evaluated activations (a fact of the
/// shared context) and draws one figure.
struct NoteStage: StageKind, ReportContributor {
    struct Params: Codable, Sendable {}
    struct Note: Codable { var text: String; var count: Int }
    static let name = "note"
    static let version = 1
    static let reportFiles = ["note.json"]
    func run(_ params: Params, in context: StageContext) throws {}

    static func loadReport(_ context: StageContext) throws -> Note {
        try Artifacts.read(Note.self, role: name, file: "note.json", in: context)
    }

    static func reportBlocks(_ note: Note, _ report: ReportContext) -> [ReportBlock] {
        [.text("## Note\n\n\(note.text) (\(report.activations.joined(separator: ", ")))\n"),
         .figure(.init(name: "note", caption: "A note's curve.",
                       figure: CurvesFigure(series: [CurveSeries(name: "note", runs: [[1, 2, 3]])], yLabel: "y")))]
    }

    static func reportMetrics(_ note: Note) -> [String: any Encodable & Sendable] { ["note_count": note.count] }
}

/// A test-only optional analysis: any number of `tally` stages, none included.
struct TallyStage: StageKind, ReportContributor {
    struct Params: Codable, Sendable {}
    static let name = "tally"
    static let version = 1
    static let reportVersion = 3
    static let reportCount = InputRole.Count.zeroOrMore
    static let reportFiles = ["tally.json"]
    func run(_ params: Params, in context: StageContext) throws {}

    static func loadReport(_ context: StageContext) throws -> Int { context.inputs(name).count }

    static func reportBlocks(_ stages: Int, _ report: ReportContext) -> [ReportBlock] {
        stages == 0 ? [] : [.text("## Tally\n\n\(stages) stages\n")]
    }
}

/// A report stage built from the test contributors, to check that the loader
/// enforces the roles they declare.
struct NoteReportStage: StageKind {
    struct Params: Codable, Sendable {}
    static let name = "report"
    static let version = 1
    static let inputs = ReportBuilder(kinds: [NoteStage.self, TallyStage.self]).inputs
    func run(_ params: Params, in context: StageContext) throws {}
}

/// A report built in-process from hand-written inputs, without the engine.
struct ReportFixture {
    let harness: StageHarness
    var inputs: [StageInput] = []

    init() throws { harness = try StageHarness() }

    mutating func add(_ stage: String, _ files: [String: some Encodable]) throws {
        let folder = harness.root.appendingPathComponent("in-\(stage)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, value) in files { try Artifacts.encoder().encode(value).write(to: folder.appendingPathComponent(name)) }
        inputs.append(try StageHarness.input(stage: stage, folder: folder))
    }

    /// The report's own inputs: one evaluated and trained relu network.
    static func withOwnInputs() throws -> ReportFixture {
        var f = try ReportFixture()
        try f.add("evaluate@relu-s42", ["evaluation.json": Evaluation(
            activation: "relu", seed: 42, testAccuracy: 80, correct: 240, total: 300, bestEpoch: 2,
            bestValidationAccuracy: 79, epochsTrained: 3)])
        try f.add("train@relu-s42", ["timing.json": TrainTiming(epochSeconds: [1, 1, 1], threads: 1, epochThreads: [1, 1, 1])])
        return f
    }

    /// Builds the report with `kinds`; returns its output folder.
    func build(_ kinds: [any StageKind.Type]) throws -> URL {
        let out = harness.root.appendingPathComponent("report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let context = StageContext(stageName: "report", threads: 1, outputDirectory: out, scratchDirectory: out,
                                   inputs: inputs, log: { _ in }, progress: { _ in })
        try ReportBuilder(kinds: kinds).build(title: "T", in: context)
        return out
    }
}

private func headings(_ folder: URL) throws -> [String] {
    try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        .split(separator: "\n").filter { $0.hasPrefix("## ") }.map(String.init)
}

private func metricsKeys(_ folder: URL) throws -> [String] {
    let json = try JSONParser.parse(Data(contentsOf: folder.appendingPathComponent("metrics.json")))
    guard case .object(let members) = json else { return [] }
    return members.map(\.key)
}

@Suite struct ReportContributorTests {
    @Test func aContributorDeclaresItsRoleAndShowsItsSectionInRegistrationOrder() throws {
        var f = try ReportFixture.withOwnInputs()
        try f.add("note", ["note.json": NoteStage.Note(text: "hello", count: 7)])
        try f.add("tally@a", ["tally.json": 1])
        try f.add("tally@b", ["tally.json": 2])
        // Kinds that are not contributors (evaluate) are skipped; the others keep the list's order.
        let kinds: [any StageKind.Type] = [NoteStage.self, EvaluateStage.self, TallyStage.self]
        #expect(ReportBuilder(kinds: kinds).inputs == ReportInputs.roles + [
            InputRole("note", .one, files: ["note.json"]), InputRole("tally", .zeroOrMore, files: ["tally.json"])])

        let out = try f.build(kinds)
        #expect(try headings(out) == ["## Test accuracy", "## Note", "## Tally", "## Provenance"])
        let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("\n## Note\n\nhello (relu)\n\n![A note's curve.](figures/note.svg)\n\n*A note's curve.* ([data](figures/note.dat), [script](figures/note.gp))\n\n## Tally\n\n2 stages\n\n## Provenance\n"))
        let provenance = report.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains("`") }.map { $0.split(separator: "|")[0].trimmingCharacters(in: .whitespaces) }
        #expect(provenance == ["evaluate@relu-s42", "note", "tally@a", "tally@b"])
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("figures/note.dat").path))
        #expect(try metricsKeys(out) == ["best_epoch", "note_count", "test_accuracy", "test_accuracy_summary"])
    }

    @Test func theListsOrderIsTheReportsOrder() throws {
        var f = try ReportFixture.withOwnInputs()
        try f.add("note", ["note.json": NoteStage.Note(text: "hello", count: 7)])
        try f.add("tally", ["tally.json": 1])
        #expect(try headings(f.build([TallyStage.self, NoteStage.self])) == ["## Test accuracy", "## Tally", "## Note", "## Provenance"])
        #expect(try headings(f.build([NoteStage.self])) == ["## Test accuracy", "## Note", "## Provenance"])
    }

    @Test func anOptionalContributorWithoutStagesAddsNothing() throws {
        var f = try ReportFixture.withOwnInputs()
        try f.add("note", ["note.json": NoteStage.Note(text: "hello", count: 7)])
        #expect(try headings(f.build([NoteStage.self, TallyStage.self])) == ["## Test accuracy", "## Note", "## Provenance"])
    }

    @Test func aMissingInputOfARequiredContributorFailsTheReportNamingTheRole() throws {
        let f = try ReportFixture.withOwnInputs()
        do { _ = try f.build([NoteStage.self]); Issue.record("expected an error") } catch {
            #expect("\(error)" == "expected exactly one dependency named 'note', found 0 (deps: evaluate, train)")
        }
    }

    @Test func twoContributorsCannotShareAMetricsKeyOrAFigure() throws {
        /// Always repeats note's metrics key; with a `clash` stage, also draws a figure named as note's.
        struct Clash: StageKind, ReportContributor {
            struct Params: Codable, Sendable {}
            static let name = "clash"
            static let version = 1
            static let reportCount = InputRole.Count.zeroOrMore
            static let reportFiles: [String] = []
            func run(_ params: Params, in context: StageContext) throws {}
            static func loadReport(_ context: StageContext) throws -> Int { context.inputs(name).count }
            static func reportBlocks(_ stages: Int, _ report: ReportContext) -> [ReportBlock] {
                stages == 0 ? [] : [.figure(.init(name: "note", caption: "", figure: CurvesFigure(series: [], yLabel: "y")))]
            }
            static func reportMetrics(_ stages: Int) -> [String: any Encodable & Sendable] { ["note_count": 1] }
        }
        var f = try ReportFixture.withOwnInputs()
        try f.add("note", ["note.json": NoteStage.Note(text: "hello", count: 7)])
        _ = try f.build([NoteStage.self])
        do { _ = try f.build([NoteStage.self, Clash.self]); Issue.record("expected an error") } catch {
            #expect("\(error)" == "metrics key 'note_count' is given by both 'note' and 'clash'; keys must be unique")
        }
        try f.add("clash", ["x.json": 0])
        do { _ = try f.build([NoteStage.self, Clash.self]); Issue.record("expected an error") } catch {
            #expect("\(error)" == "figure 'note' is drawn by both 'note' and 'clash'; figure names must be unique")
        }
    }

    @Test func theReportsVersionAddsTheContributorsBumps() {
        #expect(ReportBuilder(kinds: [NoteStage.self]).version(own: 8) == 8)
        #expect(ReportBuilder(kinds: [NoteStage.self, TallyStage.self]).version(own: 8) == 10)
        #expect(ReportStage.version == 8)
    }

    @Test func theLoaderRejectsAReportWithoutAContributorsStage() throws {
        let registry = KindRegistry([WriteKind.self, NoteStage.self, TallyStage.self, NoteReportStage.self])
        func load(_ deps: String) throws -> String? {
            let text = """
            {"version": 1, "stages": {
              "evaluate": {"kind": "write", "params": {"files": {"evaluation.json": "{}"}}},
              "train": {"kind": "write", "params": {"files": {"timing.json": "{}"}}},
              "note": {"kind": "note", "params": {}},
              "report": {"kind": "report", "deps": \(deps), "params": {}}
            }}
            """
            do { _ = try PipelineLoader.load(json: JSONParser.parse(text), displayName: "pipeline.json",
                                             root: FileManager.default.temporaryDirectory, registry: registry); return nil }
            catch { return "\(error)" }
        }
        #expect(try load(#"["evaluate", "train", "note"]"#) == nil)  // tally is optional
        #expect(try load(#"["evaluate", "train"]"#)
                == "pipeline.json: stage 'report': kind 'report' needs an input 'note' (a dependency named note or note@…), found none")
    }
}

/// The study's own report: its declared inputs are its own roles and one per
/// contributor of `StudyKinds.all`, in report order, and the loader holds the
/// mini study to them.
@Suite struct StudyReportRolesTests {
    @Test func theReportDeclaresEveryContributorsRoleInReportOrder() {
        let contributors = StudyKinds.all.filter { $0 is any ReportContributor.Type }.map { $0.name }
        #expect(ReportStage.inputs.map(\.role) == ["evaluate", "train"] + contributors)
        // Today's sections keep their order, whatever is registered after them.
        let today = ["curves", "dead-neurons", "init-gradients", "act-curves", "activations", "examples"]
        #expect(contributors.filter(today.contains) == today)
        #expect(ReportStage.inputs.first { $0.role == "init-gradients" }?.description
                == "init-gradients (init-gradients.json, gradients.safetensors)")
        #expect(ReportStage.inputs.first { $0.role == "activations" }?.count == .oneOrMore)
    }

    @Test func theMiniStudyWithoutExamplesInTheReportsDepsIsRejected() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("fixtures/mini-study/pipeline.json")
        let text = try String(contentsOf: url, encoding: .utf8)
        let registry = KindRegistry(StudyKinds.all)
        func load(_ text: String) -> String? {
            do { _ = try PipelineLoader.load(json: JSONParser.parse(text), displayName: "pipeline.json",
                                             root: url.deletingLastPathComponent(), registry: registry); return nil }
            catch { return "\(error)" }
        }
        #expect(load(text) == nil)
        let without = text.replacingOccurrences(of: "\"dead-neurons\",\n        \"examples\"\n", with: "\"dead-neurons\"\n")
        #expect(without != text)
        #expect(load(without) == "pipeline.json: stage 'report': kind 'report' needs an input 'examples' (a dependency named examples or examples@…), found none")
    }
}
