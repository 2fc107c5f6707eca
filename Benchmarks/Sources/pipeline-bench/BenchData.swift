import FashionData
import Foundation
import Nets

/// The 60,000 FashionMNIST training images and the study's split of them
/// (PyTorch `random_split` with seed 42: 50,000 train, 10,000 validation).
struct BenchData: Sendable {
    static let imagesFile = "train-images-idx3-ubyte"
    static let labelsFile = "train-labels-idx1-ubyte"

    let images: ByteImages
    let train: [Int]
    let validation: [Int]

    /// Loads the training images from `directory`: the decompressed IDX files
    /// when present, else the .gz files, decompressed into a temporary folder
    /// that is removed afterwards.
    static func load(from directory: String) throws -> BenchData {
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        let fm = FileManager.default
        let set: FashionSet
        if fm.fileExists(atPath: folder.appendingPathComponent(imagesFile).path) {
            set = try FashionSet.load(images: folder.appendingPathComponent(imagesFile),
                                      labels: folder.appendingPathComponent(labelsFile))
        } else if fm.fileExists(atPath: folder.appendingPathComponent(imagesFile + ".gz").path) {
            let temp = fm.temporaryDirectory.appendingPathComponent("pipeline-bench-\(getpid())")
            try fm.createDirectory(at: temp, withIntermediateDirectories: true)
            defer { try? fm.removeItem(at: temp) }
            for name in [imagesFile, labelsFile] {
                _ = try Gunzip.decompress(folder.appendingPathComponent(name + ".gz"),
                                          to: temp.appendingPathComponent(name), displayName: name + ".gz")
            }
            set = try FashionSet.load(images: temp.appendingPathComponent(imagesFile),
                                      labels: temp.appendingPathComponent(labelsFile))
        } else {
            throw BenchError.data(path: directory,
                problem: "holds neither \(imagesFile) nor \(imagesFile).gz; expected the FashionMNIST training files")
        }
        let total = 60_000, trainCount = 50_000
        guard set.count == total else {
            throw BenchError.data(path: folder.appendingPathComponent(imagesFile).path,
                                  problem: "\(set.count) images, expected the \(total) FashionMNIST training images")
        }
        var generator = TorchGenerator(seed: 42)
        let (train, validation) = RandomSplit.indices(total: total, trainCount: trainCount,
                                                      valCount: total - trainCount, generator: &generator)
        return BenchData(images: try ByteImages(pixels: set.pixels, labels: set.labels),
                         train: train, validation: validation)
    }
}
