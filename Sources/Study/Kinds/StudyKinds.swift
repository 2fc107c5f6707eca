import Nets
import Workflow

/// Every stage kind this study registers with the engine, in pipeline order.
/// Adding an analysis: one new file with a `StageKind`, one entry here, one
/// stage in pipeline.json. The report shows the kinds that are
/// `ReportContributor`s in this order (curves ... examples), between its
/// test-accuracy table and its provenance.
public enum StudyKinds {
    public static let all: [any StageKind.Type] = [
        DownloadStage.self, DecompressStage.self, SubsetStage.self, SplitStage.self,
        InitStage.self, TrainStage.self, EvaluateStage.self,
        CurvesStage.self, DeadNeuronsStage.self, InitGradientsStage.self, ActCurvesStage.self, ActivationsStage.self,
        ExamplesStage.self,
        ReportStage.self,
    ]

    /// The identity of `Nets`' arithmetic (loads OpenBLAS with its pinned
    /// kernel on first use), or why it cannot be had.
    public static var numerics: NumericsEnvironment {
        do { return .available(NumericsIdentity(try Numerics.facts().map { .init($0.name, $0.value) })) }
        catch { return .unavailable("\(error)") }
    }

    /// These kinds plus `extra` (the engine's built-in ones), with the numerics they run with.
    public static func registry(adding extra: [any StageKind.Type]) -> KindRegistry {
        KindRegistry(extra + all, numerics: numerics)
    }
}
