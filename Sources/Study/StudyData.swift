import FashionData
import Foundation
import Workflow

/// Where the study's stages find the decompressed data and the split.
/// Each stage loads what it needs as bytes (about 55 MB for all images).
enum StudyData {
    static func trainSet(_ context: StageContext) throws -> FashionSet {
        let d = try context.input("decompress")
        return try FashionSet.load(images: d.url("train-images-idx3-ubyte"), labels: d.url("train-labels-idx1-ubyte"))
    }

    static func testSet(_ context: StageContext) throws -> FashionSet {
        let d = try context.input("decompress")
        return try FashionSet.load(images: d.url("t10k-images-idx3-ubyte"), labels: d.url("t10k-labels-idx1-ubyte"))
    }

    static func split(_ context: StageContext) throws -> SplitIndices {
        try Artifacts.read(SplitIndices.self, role: "split", file: "split.json", in: context)
    }
}
