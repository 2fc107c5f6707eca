/// One kind of input a stage kind reads: the dependencies whose base name (the
/// part of the instance name before `@`) is `role`, and the files it reads
/// from each.
///
/// A kind declares its roles (`StageKind.inputs`); the loader then rejects a
/// pipeline.json whose stage does not provide them, naming the stage and the
/// role, so renaming a stage fails when the file is loaded, not halfway through
/// a run. The files are documentation for `pipeline kinds` and for the author
/// of the producing stage; `StageInput.url` checks them when the stage runs.
public struct InputRole: Sendable, Equatable {
    /// How many dependencies of the role a stage must have.
    public enum Count: Sendable, Equatable {
        case one
        case oneOrMore
        /// Any number, none included: the kind tolerates the role's absence
        /// (an analysis the report shows only when the pipeline has it).
        case zeroOrMore
    }

    public let role: String
    public let count: Count
    public let files: [String]

    public init(_ role: String, _ count: Count = .one, files: [String] = []) {
        self.role = role; self.count = count; self.files = files
    }

    /// The problem with `found` dependencies of this role, or nil when it is enough.
    func problem(found: Int) -> String? {
        switch (count, found) {
        case (.one, 1), (.oneOrMore, 1...), (.zeroOrMore, _): return nil
        case (.one, 0), (.oneOrMore, 0): return "needs an input '\(role)' (a dependency named \(role) or \(role)@…), found none"
        case (.one, let n): return "needs exactly one input '\(role)', found \(n)"
        default: return nil
        }
    }

    /// `init (init.safetensors, generator.bin)`, `evaluate… (evaluation.json)`
    /// or, for an optional role, `[notes…] (notes.json)`, for listings.
    public var description: String {
        let name: String
        switch count {
        case .one: name = role
        case .oneOrMore: name = "\(role)…"
        case .zeroOrMore: name = "[\(role)…]"
        }
        return name + (files.isEmpty ? "" : " (\(files.joined(separator: ", ")))")
    }
}
