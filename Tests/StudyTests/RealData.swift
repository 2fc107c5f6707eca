import FashionData
import Foundation
@testable import Study
import Workflow

/// The real FashionMNIST files from Debian's dataset-fashion-mnist, taken
/// through the study's own download, decompress and split stages once per
/// test process. Tests that need them are skipped when the package is absent.
enum RealData {
    static let folder = "/usr/share/datasets/fashion-mnist/"
    static var available: Bool { FileManager.default.fileExists(atPath: folder + "train-images-idx3-ubyte.gz") }

    struct Prepared: @unchecked Sendable {
        let harness: StageHarness
        let decompress: StageInput
        let split: StageInput
        let initS42: StageInput
    }

    static let prepared: Result<Prepared, Error> = Result {
        let h = try StageHarness()
        let download = try h.run(DownloadStage(), .init(sources: ["file://" + folder], files: DataFile.fashionMNIST,
                                                        connectTimeoutSeconds: 2, retries: 0), as: "download")
        let decompress = try h.run(DecompressStage(), .init(), as: "decompress", inputs: [download])
        let split = try h.run(SplitStage(), .init(seed: 42, train: 50_000, validation: 10_000), as: "split", inputs: [decompress])
        let initS42 = try h.run(InitStage(), .init(seed: 42, hiddenSizes: [512, 256, 256, 128], inputSize: 784, outputSize: 10),
                                as: "init@s42")
        return Prepared(harness: h, decompress: decompress, split: split, initS42: initS42)
    }

    static func get() throws -> Prepared { try prepared.get() }
}
