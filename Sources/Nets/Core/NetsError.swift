/// An error from the Nets layer: bad shapes or arguments given by the caller.
/// (Checkpoint bytes have their own `SafetensorsError` / `CheckpointError`.)
public enum NetsError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Sizes that do not agree, with what was expected.
    case shape(String)
    /// An argument out of its allowed range.
    case argument(String)
    /// A library the numerics need could not be loaded or used.
    case library(String)

    /// A library error (the common case outside shapes and arguments).
    public init(_ message: String) { self = .library(message) }

    public var description: String {
        switch self {
        case .shape(let message): return "shape mismatch: \(message)"
        case .argument(let message): return "invalid argument: \(message)"
        case .library(let message): return message
        }
    }
}
