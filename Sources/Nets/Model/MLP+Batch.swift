/// Whole-batch entry points on `MLP` for analyses and tests (they allocate a
/// workspace per call; training uses `Trainer`). `threads` changes speed only.
extension MLP {
    /// Logits (rows x outputSize) of an input batch (rows x inputSize).
    public func forward(_ input: Matrix, threads: Int = 1) throws -> Matrix {
        let ws = try workspace(for: input, labels: nil, threads: threads)
        forward(ws, rows: input.rows)
        return Self.matrix(ws.z[weights.count - 1], rows: input.rows, cols: sizes[sizes.count - 1])
    }

    /// Every layer's output but the last, in order: z_0 (linear), a_0 (activation),
    /// z_1, a_1, ...; 2 x hidden layers matrices (8 for the base net), each rows x width.
    public func forwardCapturing(_ input: Matrix, threads: Int = 1) throws -> [Matrix] {
        let ws = try workspace(for: input, labels: nil, threads: threads)
        forward(ws, rows: input.rows)
        var out: [Matrix] = []
        for i in 0..<(weights.count - 1) {
            out.append(Self.matrix(ws.z[i], rows: input.rows, cols: sizes[i + 1]))
            out.append(Self.matrix(ws.a[i], rows: input.rows, cols: sizes[i + 1]))
        }
        return out
    }

    /// Mean cross-entropy of the batch and its gradients (PyTorch's `loss.backward()`).
    public func gradients(input: Matrix, labels: [UInt8], includeInput: Bool = false, threads: Int = 1) throws -> LossGradients {
        let ws = try workspace(for: input, labels: labels, threads: threads)
        let (loss, correct) = step(ws, rows: input.rows, inputGradient: includeInput)
        return LossGradients(
            loss: loss, correct: correct,
            weights: (0..<weights.count).map { Self.matrix(ws.weightGrad[$0], rows: sizes[$0 + 1], cols: sizes[$0]) },
            biases: ws.biasGrad.map { $0.array() },
            input: includeInput ? ws.inputGrad.map { Self.matrix($0, rows: input.rows, cols: sizes[0]) } : nil)
    }

    private func workspace(for input: Matrix, labels: [UInt8]?, threads: Int) throws -> Workspace {
        guard input.rows > 0, input.cols == sizes[0], input.values.count == input.rows * input.cols else {
            throw NetsError.shape("input is \(input.rows) x \(input.cols), expected n x \(sizes[0]) with n > 0")
        }
        if let labels {
            guard labels.count == input.rows else {
                throw NetsError.shape("\(labels.count) labels for \(input.rows) inputs")
            }
            if let bad = labels.first(where: { Int($0) >= sizes[sizes.count - 1] }) {
                throw NetsError.argument("label \(bad) is not below the class count \(sizes[sizes.count - 1])")
            }
        }
        let ws = Workspace(sizes: sizes, capacity: input.rows, threads: threads)
        ws.load(input, labels: labels)
        return ws
    }

    static func matrix(_ buffer: FloatBuffer, rows: Int, cols: Int) -> Matrix {
        var m = Matrix(rows: rows, cols: cols)
        m.values.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: buffer.pointer, count: rows * cols) }
        return m
    }
}
