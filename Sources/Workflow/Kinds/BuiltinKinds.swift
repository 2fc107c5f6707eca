/// Kinds the engine ships with, usable in any pipeline and in tests.
public enum BuiltinKinds {
    public static let all: [any StageKind.Type] = [ShellKind.self, WriteKind.self]
}
