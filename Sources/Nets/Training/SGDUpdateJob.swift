/// One SGD step over every parameter tensor as a `ParallelJob`: part p updates
/// its share of each tensor's elements (whole runs of `block` floats, so two
/// threads never write the same cache line). The update is elementwise, so the
/// split cannot change results.
struct SGDUpdateJob: ParallelJob {
    static let block = 1024

    /// One parameter tensor: its values, gradient and (with momentum) velocity.
    struct Tensor {
        let parameter: UnsafeMutablePointer<Float>
        let gradient: UnsafePointer<Float>
        let velocity: UnsafeMutablePointer<Float>?
        let count: Int
    }

    let tensors: [Tensor]
    let learningRate: Float, momentum: Float
    /// True on the first step with momentum: v = g (PyTorch's "no buffer yet").
    let first: Bool
    let parts: Int

    /// Parts for `tensors` on `pool`: one per thread, as long as the largest tensor has a block for each.
    static func parts(_ tensors: [Tensor], pool: WorkerPool) -> Int {
        var largest = 0
        for t in tensors { largest = max(largest, t.count) }  // no `map`: a step allocates nothing
        return pool.parts(count: largest, block: block)
    }

    func run(part: Int) {
        for t in tensors {
            let r = WorkerPool.range(part, of: parts, count: t.count, block: Self.block)
            sgdStep(parameter: t.parameter, gradient: t.gradient, velocity: t.velocity, range: r,
                    learningRate: learningRate, momentum: momentum, first: first)
        }
    }
}
