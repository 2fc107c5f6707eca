/// One parameter of a stage kind, as found by probing its Decodable type.
public struct ParamField: Sendable, Equatable {
    public let name: String
    /// "string", "integer", "number", "boolean", "array", "object", "one of a, b, ..."
    /// (an enum of strings), or a Swift type name the probe could not place.
    public let type: String
    public let optional: Bool
}
