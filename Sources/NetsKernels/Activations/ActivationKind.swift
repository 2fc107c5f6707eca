/// The registry of activation functions, by the identifier used in configs.
///
/// Raw values are stable: they appear in pipeline.json, configs and
/// checkpoint metadata. `allCases` is in the study's order.
public enum ActivationKind: String, Codable, CaseIterable, Sendable {
    case sigmoid, tanh, relu, leakyrelu, elu, swish

    /// The function itself.
    public var function: any Activation {
        switch self {
        case .sigmoid: return Sigmoid()
        case .tanh: return Tanh()
        case .relu: return ReLU()
        case .leakyrelu: return LeakyReLU()
        case .elu: return ELU()
        case .swish: return Swish()
        }
    }

    /// The name shown in reports, e.g. "LeakyReLU".
    public var displayName: String { type(of: function).displayName }
}
