import Nets

/// The facts more than one section of the report reads, handed to every
/// `ReportContributor`. The report sets `evaluations` (its own input); the
/// other facts are set by the contributor that owns them, in `shareFacts`
/// (act-curves the activation order, curves the training protocol), and keep
/// their empty value when that contributor is not registered.
struct ReportContext {
    /// Every `evaluate` dependency's result, in stage-name order.
    let evaluations: [Evaluation]
    /// The order sections list activations in: act-curves' `activations`
    /// param, so the order is an input, not a constant of the code.
    var activationOrder: [String] = []
    /// One sentence on how the networks were trained, read from the runs
    /// (curves); the test-accuracy section opens with it.
    var trainingProtocol: String = ""

    init(evaluations: [Evaluation]) { self.evaluations = evaluations }

    /// Activation identifiers evaluated, in `activationOrder`, then any others sorted.
    var activations: [String] {
        let present = Set(evaluations.map(\.activation))
        return activationOrder.filter(present.contains) + present.subtracting(activationOrder).sorted()
    }

    /// `items` in `activationOrder` (others after, by identifier), each item's activation given by `activation`.
    func inActivationOrder<T>(_ items: [T], activation: (T) -> String) -> [T] {
        func rank(_ item: T) -> (Int, String) {
            let id = activation(item)
            return (activationOrder.firstIndex(of: id) ?? activationOrder.count, id)
        }
        return items.sorted { rank($0) < rank($1) }
    }

    /// The display name of an activation identifier ("leakyrelu" -> "LeakyReLU").
    static func displayName(_ id: String) -> String {
        ActivationKind(rawValue: id).map(\.displayName) ?? id
    }
}
