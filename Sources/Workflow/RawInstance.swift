/// A stage instance after matrix substitution, before kinds and deps are checked.
struct RawInstance {
    let name: String
    let base: String
    let fromMatrix: Bool
    let kindName: String
    let params: JSONValue
    let deps: [String]
    /// Workspace file patterns as written (after substitution), see `FileInputs`.
    let files: [String]
    let resources: Resources?
}
