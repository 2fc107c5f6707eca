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
    /// In-place workspace outputs as written (after substitution), see `InPlaceOutputs`.
    let outs: [String]
    /// Params file -> dotted keys, see `ParamsFile`.
    let paramsFiles: [String: [String]]
    let resources: Resources?
}
