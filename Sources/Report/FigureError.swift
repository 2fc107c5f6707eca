/// Inputs a figure builder cannot draw. `figure` names the builder, `field`
/// the offending property, and the message says what was expected.
public struct FigureError: Error, Equatable, Sendable, CustomStringConvertible {
    public let figure: String
    public let field: String
    public let expected: String

    public init(figure: String, field: String, expected: String) {
        self.figure = figure
        self.field = field
        self.expected = expected
    }

    public var description: String { "\(figure): \(field): expected \(expected)" }
}
