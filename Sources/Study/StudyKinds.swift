import Workflow

/// Every stage kind this study registers with the engine.
public enum StudyKinds {
    public static let all: [any StageKind.Type] = []
}
