/// Preallocated buffers for forward and backward passes of one model shape
/// over batches of at most `capacity` rows, so a training step allocates nothing.
///
/// Holds per layer the pre-activations z_i (after bias), activations a_i,
/// dL/dz_i, and the weight/bias gradients.
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
    /// dL/dz_i for every linear layer, capacity x sizes[i+1]: all kept, because
    /// lane 0 reads delta_i for dW_i while lane 1 makes the layers below (PropagationJobs.swift).
    let delta: [FloatBuffer]
    /// Threads used for passes over this workspace (results do not depend on it).
    var threads: Int {
        get { pool.size }
        set {
            let size = Self.poolSize(newValue)
            if size != pool.size { pool = WorkerPool(size: size) }
        }
    }
    /// The threads themselves: the caller plus `threads - 1` workers kept for the workspace's life.
    private(set) var pool: WorkerPool
    /// Threads beyond one per lane would only wait: the pool is capped at `Lanes.count`.
    static func poolSize(_ threads: Int) -> Int { min(max(1, threads), Lanes.count) }
    /// Parts a pass is started with: one per thread (the pool has at most one per lane).
    var lanes: Int { pool.size }
    /// Lane 1's progress in the backward pass, for lane 0 (`BackwardJob`).
    let progress = LaneProgress()
    /// dL/dinput, allocated only when a caller asks for it (never in training).
    private(set) var inputGrad: FloatBuffer?
    /// f'(z_i) for every hidden layer, allocated on a step's first use for an
    /// activation that `storesDerivative`, and their pointers (kept, so a step
    /// allocates nothing).
    private var derivativeBuffers: [FloatBuffer] = []
    private var derivativePointers: [UnsafeMutablePointer<Float>] = []

    /// `threads`: how many threads the passes use (results do not depend on it).
    init(sizes: [Int], capacity: Int, threads: Int = 1) {
        self.capacity = capacity
        self.sizes = sizes
        pool = WorkerPool(size: Self.poolSize(threads))
        let layerCount = sizes.count - 1
        input = FloatBuffer(count: capacity * sizes[0])
        labels = .allocate(capacity: max(capacity, 1))
        labels.initialize(repeating: 0, count: max(capacity, 1))
        z = (0..<layerCount).map { FloatBuffer(count: capacity * sizes[$0 + 1]) }
        a = (0..<(layerCount - 1)).map { FloatBuffer(count: capacity * sizes[$0 + 1]) }
        weightGrad = (0..<layerCount).map { FloatBuffer(count: sizes[$0] * sizes[$0 + 1]) }
        biasGrad = (0..<layerCount).map { FloatBuffer(count: sizes[$0 + 1]) }
        delta = (0..<layerCount).map { FloatBuffer(count: capacity * sizes[$0 + 1]) }
    }

    deinit { labels.deallocate() }

    /// Every layer's buffers for `model` (whose sizes are this workspace's), made
    /// once per model so a step allocates nothing.
    func layers(of model: MLP) -> [LayerBuffers] {
        if let cached = layerCache, cached.model === model { return cached.layers }
        let layers = (0..<model.weights.count).map { i in
            LayerBuffers(inF: sizes[i], outF: sizes[i + 1],
                         x: i == 0 ? input.pointer : a[i - 1].pointer,
                         w: model.weights[i].pointer, b: model.biases[i].pointer, z: z[i].pointer,
                         y: i < a.count ? a[i].pointer : nil, delta: delta[i].pointer,
                         dW: weightGrad[i].pointer, db: biasGrad[i].pointer)
        }
        layerCache = (model, layers)
        return layers
    }
    private var layerCache: (model: MLP, layers: [LayerBuffers])?

    /// Room for f'(z_i) of every hidden layer (capacity x width each), made once.
    func ensureDerivatives() -> [UnsafeMutablePointer<Float>] {
        if derivativePointers.isEmpty {
            derivativeBuffers = a.map { FloatBuffer(count: $0.count) }
            derivativePointers = derivativeBuffers.map(\.pointer)
        }
        return derivativePointers
    }

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
