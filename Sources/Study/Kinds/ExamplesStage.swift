import FashionData
import Foundation
import Report
import Workflow

/// The example images: the first `count` train-split images, their labels and class names.
struct Examples: Codable, Sendable {
    var indices: [Int]
    var labels: [Int]
    var classNames: [String]
    var columns: Int
    /// Each image's 28 x 28 bytes, row-major.
    var images: [[UInt8]]
}

/// `examples`: the first train-split images as data for the report's grid,
/// plus `examples.png` (a file any image viewer opens).
struct ExamplesStage: StageKind {
    struct Params: Codable, Sendable {
        var count: Int
        var columns: Int
    }

    static let name = "examples"
    static let version = 1
    static let summary = "the first train-split images, for the report's example grid"
    static let inputs = [StudyData.decompressed, StudyData.splitIndices]

    func run(_ params: Params, in context: StageContext) throws {
        let data = try StudyData.trainSet(context)
        let split = try StudyData.split(context)
        guard params.count > 0, params.count <= split.train.count, params.columns > 0 else {
            throw StageError("params: expected 1 <= count <= \(split.train.count) and columns > 0")
        }
        let indices = Array(split.train.prefix(params.count))
        let images = indices.map { Array(data.pixels[($0 * 784)..<(($0 + 1) * 784)]) }
        let labels = indices.map { Int(data.labels[$0]) }
        try Artifacts.write(Examples(indices: indices, labels: labels,
                                     classNames: labels.map { FashionSet.classNames[$0] },
                                     columns: params.columns, images: images),
                            as: "examples.json", in: context)
        let grid = try ImageGrid(images: data, indices: indices, columns: params.columns, scale: 2)
        try context.write(grid.png(), to: "examples.png")
    }
}

/// In the report: the example images with their classes.
extension ExamplesStage: ReportContributor {
    static let reportFiles = ["examples.json"]

    static func loadReport(_ context: StageContext) throws -> Examples {
        try Artifacts.read(Examples.self, role: name, file: "examples.json", in: context)
    }

    static func reportBlocks(_ ex: Examples, _ report: ReportContext) -> [ReportBlock] {
        [.text("## Example images\n"), .figure(.init(
            name: "examples",
            caption: "The first \(ex.images.count) train-split images with their classes.",
            figure: ImageGridFigure(images: ex.images, titles: ex.classNames, columns: ex.columns)))]
    }
}
