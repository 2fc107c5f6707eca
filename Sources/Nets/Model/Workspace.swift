/// Preallocated buffers for forward and backward passes of one model shape
/// over batches of at most `capacity` rows, so a training step allocates nothing.
///
/// Holds per layer the pre-activations z_i (after bias) and activations a_i,
/// the weight/bias gradients, and two ping-pong buffers for dL/dz.
/// Not thread-safe: one workspace per training task.
final class Workspace {
    let capacity: Int
    let sizes: [Int]
    /// Input batch, capacity x sizes[0].
    let input: FloatBuffer
    /// Labels of the input batch.
    let labels: UnsafeMutablePointer<UInt8>
    /// z_i for every linear layer (the last is the logits), capacity x sizes[i+1].
    let z: [FloatBuffer]
    /// a_i = f(z_i) for every hidden layer.
    let a: [FloatBuffer]
    /// dL/dW_i (out x in) and dL/db_i.
    let weightGrad: [FloatBuffer]
    let biasGrad: [FloatBuffer]
    /// Ping-pong buffers for dL/dz, capacity x max(sizes[1...]).
    let deltaA: FloatBuffer
    let deltaB: FloatBuffer
    /// Threads used for passes over this workspace (results do not depend on it).
    var threads: Int {
        get { pool.size }
        set { if newValue != pool.size { pool = WorkerPool(size: newValue) } }
    }
    /// The threads themselves: the caller plus `threads - 1` workers kept for the workspace's life.
    private(set) var pool: WorkerPool
    /// dL/dinput, allocated only when a caller asks for it (never in training).
    private(set) var inputGrad: FloatBuffer?

    init(sizes: [Int], capacity: Int) {
        self.capacity = capacity
        self.sizes = sizes
        pool = WorkerPool(size: BLAS.threads)
        let layerCount = sizes.count - 1
        input = FloatBuffer(count: capacity * sizes[0])
        labels = .allocate(capacity: max(capacity, 1))
        labels.initialize(repeating: 0, count: max(capacity, 1))
        z = (0..<layerCount).map { FloatBuffer(count: capacity * sizes[$0 + 1]) }
        a = (0..<(layerCount - 1)).map { FloatBuffer(count: capacity * sizes[$0 + 1]) }
        weightGrad = (0..<layerCount).map { FloatBuffer(count: sizes[$0] * sizes[$0 + 1]) }
        biasGrad = (0..<layerCount).map { FloatBuffer(count: sizes[$0 + 1]) }
        let widest = sizes.dropFirst().max() ?? 1
        deltaA = FloatBuffer(count: capacity * widest)
        deltaB = FloatBuffer(count: capacity * widest)
    }

    deinit { labels.deallocate() }

    func ensureInputGradient() -> FloatBuffer {
        if let buffer = inputGrad { return buffer }
        let buffer = FloatBuffer(count: capacity * sizes[0])
        inputGrad = buffer
        return buffer
    }

    /// Copies a row-major matrix and labels into the input buffers.
    func load(_ x: Matrix, labels ys: [UInt8]?) {
        input.copy(from: x.values)
        if let ys { for (i, y) in ys.enumerated() where i < capacity { labels[i] = y } }
    }
}
