/// The matrix products of one SGD step of an MLP with layer sizes `sizes` on a
/// batch of `batch` rows, in the order `Nets` runs them (see Propagation.swift):
/// - forward, layer i: Z = X W^T, m = batch, n = out, k = in (B transposed);
/// - backward, layer i from the last: dW = dZ^T X, m = out, n = in, k = batch
///   (A transposed), then for every layer but the first dX = dZ W,
///   m = batch, n = in, k = out.
/// Bias adds, activations and the loss are left out: they are O(batch x width).
struct TrainingStepGemms: Sendable {
    let sizes: [Int]
    let batch: Int
    let shapes: [GemmShape]

    init(sizes: [Int], batch: Int) {
        self.sizes = sizes
        self.batch = batch
        var shapes: [GemmShape] = []
        let layers = sizes.count - 1
        for i in 0..<layers {
            shapes.append(GemmShape(role: .forward, layer: i + 1, transA: false, transB: true,
                                    m: batch, n: sizes[i + 1], k: sizes[i]))
        }
        for i in stride(from: layers - 1, through: 0, by: -1) {
            shapes.append(GemmShape(role: .weightGradient, layer: i + 1, transA: true, transB: false,
                                    m: sizes[i + 1], n: sizes[i], k: batch))
            if i > 0 {
                shapes.append(GemmShape(role: .inputGradient, layer: i + 1, transA: false, transB: false,
                                        m: batch, n: sizes[i], k: sizes[i + 1]))
            }
        }
        self.shapes = shapes
    }

    /// Floating-point operations of the products of one step.
    var flops: Double { shapes.reduce(0) { $0 + $1.flops } }

    /// Floating-point operations of one image's forward pass (an evaluation):
    /// 2 x in x out per layer.
    var forwardFlopsPerImage: Double {
        zip(sizes, sizes.dropFirst()).reduce(0) { $0 + 2 * Double($1.0 * $1.1) }
    }
}
