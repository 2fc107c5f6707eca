/// The engine's version, recorded in run records and the lock file.
public enum ToolInfo {
    public static let version = "pipeline 0.1.0"
}
