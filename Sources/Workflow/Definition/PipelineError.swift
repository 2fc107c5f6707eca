import Foundation

/// A problem with pipeline.json or the command line: one message naming the
/// file, the stage and field, and what was expected. The CLI exits 2 on it.
public struct PipelineError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Engine failures that are not the user's input (I/O in the store, a lock).
public struct EngineError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
