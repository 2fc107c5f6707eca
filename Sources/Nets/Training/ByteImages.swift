/// A labelled image set kept as bytes: image i is `pixels[i * featureCount ..< (i + 1) * featureCount]`
/// (row-major 28 x 28 = 784 for FashionMNIST) and its class is `labels[i]`.
///
/// Bytes are 4x smaller than floats; batches are normalised on the fly
/// (see `PixelNormalization`).
public struct ByteImages: Sendable {
    public let count: Int
    public let featureCount: Int
    public let pixels: [UInt8]
    public let labels: [UInt8]

    /// Throws unless `pixels.count == labels.count * featureCount`.
    public init(pixels: [UInt8], labels: [UInt8], featureCount: Int = 784) throws {
        guard featureCount > 0 else {
            throw NetsError.argument("ByteImages: featureCount \(featureCount), expected a positive integer")
        }
        guard pixels.count == labels.count * featureCount else {
            throw NetsError.shape("ByteImages: \(pixels.count) pixel bytes for \(labels.count) labels of \(featureCount) features (expected \(labels.count * featureCount))")
        }
        count = labels.count; self.featureCount = featureCount
        self.pixels = pixels; self.labels = labels
    }

    /// Throws when an index is outside 0..<count.
    func check(indices: [Int]) throws {
        if let bad = indices.first(where: { $0 < 0 || $0 >= count }) {
            throw NetsError.argument("image index \(bad) is outside 0..<\(count)")
        }
    }

    /// Throws when the images do not fit the model's input or a label is not a valid class.
    func check(against config: MLPConfig) throws {
        guard featureCount == config.inputSize else {
            throw NetsError.shape("images have \(featureCount) features, the model expects \(config.inputSize)")
        }
        if let bad = labels.first(where: { Int($0) >= config.outputSize }) {
            throw NetsError.argument("label \(bad) is not below the model's class count \(config.outputSize)")
        }
    }
}
