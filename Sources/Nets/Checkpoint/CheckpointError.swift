/// Why checkpoint bytes (valid safetensors) do not hold a usable model:
/// the source, the tensor or metadata field, and what was expected.
public struct CheckpointError: Error, CustomStringConvertible, Equatable, Sendable {
    public let source: String
    public let field: String
    public let message: String

    public init(source: String, field: String, _ message: String) {
        self.source = source; self.field = field; self.message = message
    }

    public var description: String { "\(source): checkpoint \(field): \(message)" }
}
