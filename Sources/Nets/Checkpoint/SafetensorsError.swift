/// Why a safetensors byte string was rejected: the source (file name or label),
/// the field concerned, and what was expected.
public struct SafetensorsError: Error, CustomStringConvertible, Equatable, Sendable {
    public let source: String
    public let field: String
    public let message: String

    public init(source: String, field: String, _ message: String) {
        self.source = source; self.field = field; self.message = message
    }

    public var description: String { "\(source): safetensors \(field): \(message)" }
}
