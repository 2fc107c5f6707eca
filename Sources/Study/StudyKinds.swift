import Workflow

/// Every stage kind this study registers with the engine, in pipeline order.
/// Adding an analysis: one new file with a `StageKind`, one entry here, one
/// stage in pipeline.json.
public enum StudyKinds {
    public static let all: [any StageKind.Type] = [
        DownloadStage.self, DecompressStage.self, SubsetStage.self, SplitStage.self, ExamplesStage.self,
        InitStage.self, TrainStage.self, EvaluateStage.self,
        ActCurvesStage.self, InitGradientsStage.self, ActivationsStage.self, DeadNeuronsStage.self,
        CurvesStage.self, ReportStage.self,
    ]
}
