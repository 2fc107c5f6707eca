import FashionData
import Foundation
import Workflow

/// `decompress`: every `.gz` of the `download` stage through zlib into its IDX
/// file (the name without `.gz`), then the strict IDX checks on each
/// images/labels pair, so later stages can trust the files.
struct DecompressStage: StageKind {
    struct Params: Codable, Sendable {}

    static let name = "decompress"
    static let version = 1
    static let summary = "gunzip the downloaded files and validate them as IDX"
    static let inputs = [InputRole("download")]

    func run(_ params: Params, in context: StageContext) throws {
        let download = try context.input("download")
        let gzipped = download.files.keys.filter { $0.hasSuffix(".gz") }.sorted()
        guard !gzipped.isEmpty else { throw StageError("input 'download' has no .gz files") }
        for name in gzipped {
            let idxName = String(name.dropLast(3))
            let result = try Gunzip.decompress(download.url(name), to: context.outputURL(idxName), displayName: name)
            context.log("\(idxName): \(result.bytes) bytes, sha256 \(result.sha256)")
        }
        for prefix in ["train", "t10k"] {
            let images = context.outputDirectory.appendingPathComponent("\(prefix)-images-idx3-ubyte")
            let labels = context.outputDirectory.appendingPathComponent("\(prefix)-labels-idx1-ubyte")
            guard FileManager.default.fileExists(atPath: images.path),
                  FileManager.default.fileExists(atPath: labels.path) else {
                throw StageError("expected \(prefix)-images-idx3-ubyte and \(prefix)-labels-idx1-ubyte among the downloaded files")
            }
            let set = try FashionSet.load(images: images, labels: labels)
            context.log("\(prefix): \(set.count) images of 28x28, labels 0...9")
        }
    }
}
