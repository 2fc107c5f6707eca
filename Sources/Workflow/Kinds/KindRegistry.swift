import Foundation

/// A stage kind with its Params type erased, so the engine can hold many kinds.
///
/// `canonicalParams` decodes the params object with the kind's Codable type
/// (rejecting unknown, missing and mistyped fields) and returns the re-encoded
/// value, defaults filled in: that value, not the text the user wrote, goes
/// into the cache key.
public struct RegisteredKind: Sendable {
    public let name: String
    public let version: Int
    public let maxThreads: Int
    /// See `StageKind.growsThreads`.
    public let growsThreads: Bool
    /// See `StageKind.threadsFromResources`.
    public let threadsFromResources: Bool
    public let summary: String
    /// Outputs left out of dependents' keys (see `StageKind.volatileOutputs`).
    public let volatileOutputs: Set<String>
    /// See `StageKind.numeric`.
    public let numeric: Bool
    /// See `StageKind.inputs`.
    public let inputs: [InputRole]
    /// The numerics a `numeric` kind's key includes (set by the registry); nil for other kinds.
    public internal(set) var numerics: NumericsEnvironment?
    /// The identity in this kind's key: nil for a kind that is not `numeric`.
    public var numericsIdentity: NumericsIdentity? { numerics?.identity }
    /// Parameter fields in declaration order, as far as a probing decode finds them.
    /// Probed on first use (only kinds a pipeline uses pay for it).
    public var fields: [ParamField] { probedFields.get }
    private let probedFields: LazyValue<[ParamField]>
    let decode: @Sendable (JSONValue) throws -> JSONValue
    let execute: @Sendable (JSONValue, StageContext) throws -> Void

    public init<K: StageKind>(_ kind: K.Type) {
        name = K.name
        version = K.version
        maxThreads = max(1, K.maxThreads)
        growsThreads = K.growsThreads
        threadsFromResources = K.threadsFromResources
        summary = K.summary
        volatileOutputs = K.volatileOutputs
        numeric = K.numeric
        inputs = K.inputs
        let fields = LazyValue { ParamProbe.fields(of: K.Params.self) }
        probedFields = fields
        decode = {
            let canonical: JSONValue, decoded: K.Params
            if let direct = K.decodeDirect($0) { (decoded, canonical) = direct } else {
                canonical = try ParamsCodec.canonical(K.Params.self, from: $0, fields: fields.get)
                decoded = try JSONDecoder().decode(K.Params.self, from: CanonicalJSON.data(canonical))
            }
            do { try K.validate(decoded) } catch let e as ParamsError { throw e } catch { throw ParamsError(message: "\(error)") }
            return canonical
        }
        execute = { params, context in
            let decoded = try K.decodeDirect(params)?.params ?? JSONDecoder().decode(K.Params.self, from: CanonicalJSON.data(params))
            try K().run(decoded, in: context)
        }
    }

    /// Canonical params for `value`; errors are `ParamsError`s naming the field.
    public func canonicalParams(_ value: JSONValue) throws -> JSONValue { try decode(value) }

    /// Runs the kind on already canonical params.
    public func run(params: JSONValue, context: StageContext) throws { try execute(params, context) }
}

/// The set of kinds a pipeline may use, by name, and the numerics their
/// `numeric` members run with.
public struct KindRegistry: Sendable {
    public private(set) var kinds: [String: RegisteredKind] = [:]
    /// Given to every `numeric` kind registered.
    public let numerics: NumericsEnvironment

    /// `numerics` defaults to a fixed test identity, for registries of test kinds.
    public init(_ types: [any StageKind.Type] = [], numerics: NumericsEnvironment = .available(.init([.init("numerics", "test")]))) {
        self.numerics = numerics
        for t in types { register(t) }
    }

    public mutating func register(_ type: any StageKind.Type) {
        var k = RegisteredKind(type)
        if k.numeric { k.numerics = numerics }
        kinds[k.name] = k
    }

    public subscript(name: String) -> RegisteredKind? { kinds[name] }

    /// Kinds sorted by name.
    public var all: [RegisteredKind] { kinds.values.sorted { $0.name < $1.name } }
}
