/// Forward-only analyses over many images, streamed through the trainer's
/// workspace in batches of `batchSize` (memory does not grow with the image count).
extension Trainer {
    /// Every layer's output but the last for the images `indices`, in order
    /// z_0 (linear), a_0 (activation), z_1, a_1, ...: 2 x hidden layers matrices
    /// (8 for the base net), each indices.count x width, rows in `indices` order.
    public func forwardCapturing(data: ByteImages, indices: [Int]) throws -> [Matrix] {
        try data.check(against: model.config)
        try data.check(indices: indices)
        let hidden = model.weights.count - 1
        let widths = (0..<hidden).flatMap { [model.sizes[$0 + 1], model.sizes[$0 + 1]] }
        var out = widths.map { Matrix(rows: indices.count, cols: $0) }
        forEachBatch(data, indices) { start, rows in
            for k in 0..<(2 * hidden) {
                let source = k % 2 == 0 ? workspace.z[k / 2] : workspace.a[k / 2]
                let width = widths[k]
                out[k].values.withUnsafeMutableBufferPointer {
                    ($0.baseAddress! + start * width).update(from: source.pointer, count: rows * width)
                }
            }
        }
        return out
    }

    /// Per hidden (activation) layer, per neuron: true when its activation output
    /// is exactly 0 for every image in `indices` (a "dead" neuron).
    public func deadNeurons(data: ByteImages, indices: [Int]) throws -> [[Bool]] {
        try data.check(against: model.config)
        try data.check(indices: indices)
        let hidden = model.weights.count - 1
        var alive = (0..<hidden).map { [Bool](repeating: false, count: model.sizes[$0 + 1]) }
        forEachBatch(data, indices) { _, rows in
            for i in 0..<hidden {
                let width = model.sizes[i + 1], a = workspace.a[i].pointer
                alive[i].withUnsafeMutableBufferPointer { flags in
                    for r in 0..<rows {
                        let row = a + r * width
                        for c in 0..<width where row[c] != 0 { flags[c] = true }
                    }
                }
            }
        }
        return alive.map { $0.map { !$0 } }
    }

    /// Loads consecutive batches of `indices`, runs the forward pass, and calls
    /// `body(first row index in indices, rows)` with the workspace filled.
    func forEachBatch(_ data: ByteImages, _ indices: [Int], _ body: (Int, Int) -> Void) {
        var start = 0
        while start < indices.count {
            let end = min(start + batchSize, indices.count)
            let rows = end - start
            PixelNormalization.withSource(data, indices: indices[start..<end], labels: workspace.labels) {
                model.forward(workspace, rows: rows, source: $0)
            }
            body(start, rows)
            start = end
        }
    }
}
