/// A dense row-major Float32 matrix: element (r, c) is `values[r * cols + c]`.
///
/// A value type used at the API boundary (inputs, captured layer outputs,
/// gradients); the training loop works in preallocated buffers instead.
public struct Matrix: Equatable, Sendable {
    public var rows: Int
    public var cols: Int
    public var values: [Float]

    /// A matrix over `values`; `values.count` must be `rows * cols`.
    public init(rows: Int, cols: Int, values: [Float]) throws {
        guard rows >= 0, cols >= 0, values.count == rows * cols else {
            throw NetsError.shape("Matrix: \(values.count) values given for \(rows) x \(cols)")
        }
        self.rows = rows; self.cols = cols; self.values = values
    }

    /// A zero matrix.
    public init(rows: Int, cols: Int) {
        self.rows = rows; self.cols = cols
        values = [Float](repeating: 0, count: rows * cols)
    }

    public subscript(row: Int, col: Int) -> Float {
        get { values[row * cols + col] }
        set { values[row * cols + col] = newValue }
    }

    /// Row `r` as an array.
    public func row(_ r: Int) -> [Float] { Array(values[(r * cols)..<((r + 1) * cols)]) }
}
