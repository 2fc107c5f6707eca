import FashionData
import Nets
import Foundation
import Workflow

/// Where the study's stages find the decompressed data and the split.
/// Each stage loads what it needs as bytes (about 55 MB for all images).
enum StudyData {
    /// The input roles these readers take, for the kinds' `inputs`.
    static let decompressed = InputRole("decompress", files: ["train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                                                              "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"])
    static let splitIndices = InputRole("split", files: ["split.json"])
    static let trainedNetwork = InputRole("train", files: ["model.safetensors", "metrics.json"])

    static func trainSet(_ context: StageContext) throws -> FashionSet {
        let d = try context.input(decompressed.role)
        return try FashionSet.load(images: d.url("train-images-idx3-ubyte"), labels: d.url("train-labels-idx1-ubyte"))
    }

    static func testSet(_ context: StageContext) throws -> FashionSet {
        let d = try context.input(decompressed.role)
        return try FashionSet.load(images: d.url("t10k-images-idx3-ubyte"), labels: d.url("t10k-labels-idx1-ubyte"))
    }

    static func split(_ context: StageContext) throws -> SplitIndices {
        try Artifacts.read(SplitIndices.self, role: splitIndices.role, file: "split.json", in: context)
    }
}

extension StudyData {
    /// The training images as the trainer takes them (shares the bytes, no copy).
    static func trainImages(_ context: StageContext) throws -> ByteImages {
        let set = try trainSet(context)
        return try ByteImages(pixels: set.pixels, labels: set.labels)
    }

    static func testImages(_ context: StageContext) throws -> ByteImages {
        let set = try testSet(context)
        return try ByteImages(pixels: set.pixels, labels: set.labels)
    }

    /// The trained network of the single `train` dependency, and its metrics.
    static func trained(_ context: StageContext) throws -> (model: MLP, metrics: TrainMetrics) {
        let input = try context.input(trainedNetwork.role)
        let file = try input.url("model.safetensors")
        let model = try Checkpoint.decode(Array(Data(contentsOf: file)), source: "\(input.stage)/model.safetensors").model
        let metrics = try Artifacts.read(TrainMetrics.self, from: input.url("metrics.json"), what: input.stage)
        return (model, metrics)
    }
}
