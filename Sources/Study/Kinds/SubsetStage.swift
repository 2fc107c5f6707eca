import FashionData
import Foundation
import Workflow

/// `subset`: the first `train` training and first `test` test images of its
/// one dependency (a `decompress`-like stage), as IDX files under the same
/// names. For quick runs of the whole study on little data: name the subset
/// stage `decompress` and later stages use it unchanged.
struct SubsetStage: StageKind {
    struct Params: Codable, Sendable {
        var train: Int
        var test: Int
    }

    static let name = "subset"
    static let version = 1
    static let summary = "the first N training and test images, for quick runs"

    func run(_ params: Params, in context: StageContext) throws {
        guard context.roles.count == 1, let role = context.roles.first else {
            throw StageError("expected exactly one dependency (the full data), found roles \(context.roles)")
        }
        let full = try context.input(role)
        for (prefix, count) in [("train", params.train), ("t10k", params.test)] {
            let imagesName = "\(prefix)-images-idx3-ubyte", labelsName = "\(prefix)-labels-idx1-ubyte"
            let images = try IDXFile.read(full.url(imagesName), name: imagesName)
            let labels = try IDXFile.read(full.url(labelsName), name: labelsName)
            guard images.dims.count == 3, labels.dims.count == 1, count > 0, count <= images.dims[0] else {
                throw StageError("params: \(prefix) count \(count) must be in 1...\(images.dims.first ?? 0)")
            }
            let pixelsPerImage = images.dims[1] * images.dims[2]
            try context.write(IDXFile(dims: [count, images.dims[1], images.dims[2]],
                                      payload: Array(images.payload.prefix(count * pixelsPerImage))).encoded(),
                              to: imagesName)
            try context.write(IDXFile(dims: [count], payload: Array(labels.payload.prefix(count))).encoded(), to: labelsName)
        }
        context.log("\(params.train) training and \(params.test) test images")
    }
}
