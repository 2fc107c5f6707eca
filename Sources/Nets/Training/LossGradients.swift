/// The loss of one batch and the gradients of its mean loss with respect to
/// every parameter (one entry per linear layer, in layer order).
public struct LossGradients: Sendable {
    public var loss: Float
    /// Correct predictions in the batch (argmax of the logits == label).
    public var correct: Int
    /// dL/dW_i, out x in.
    public var weights: [Matrix]
    /// dL/db_i.
    public var biases: [[Float]]
    /// dL/dinput (rows x inputSize) when asked for.
    public var input: Matrix?
}
