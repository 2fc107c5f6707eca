/// A stage instance after matrix substitution, before kinds and deps are checked.
struct RawInstance {
    let name: String
    let base: String
    let fromMatrix: Bool
    let kindName: String
    let params: JSONValue
    let deps: [String]
    let resources: Resources?
}
