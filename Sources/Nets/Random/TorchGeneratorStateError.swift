/// Why a saved generator state could not be restored. `description` names the field and what was expected.
public struct TorchGeneratorStateError: Error, Equatable, CustomStringConvertible {
    /// The state field at fault, e.g. `left` or `byte count`.
    public let field: String
    /// What was expected, and what was found.
    public let problem: String

    public init(field: String, problem: String) {
        self.field = field
        self.problem = problem
    }

    public var description: String { "invalid TorchGenerator state: field '\(field)': \(problem)" }
}
