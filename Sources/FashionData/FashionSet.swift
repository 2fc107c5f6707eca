import Foundation

/// FashionMNIST images and labels as raw bytes, ready for training.
///
/// `pixels` holds `count` images of 28x28 bytes each, row-major, image after
/// image (`pixels[i*784 + r*28 + c]`); `labels[i]` is the class (0...9) of
/// image i, an index into `classNames`. Bytes only: the caller converts to
/// floats batch by batch, so the whole set never exists as Float.
public struct FashionSet: Sendable, Equatable {
    public static let side = 28
    public static let pixelsPerImage = side * side

    public let count: Int
    public let pixels: [UInt8]
    public let labels: [UInt8]

    /// Builds a set, checking the sizes agree and every label is in 0...9.
    public init(pixels: [UInt8], labels: [UInt8]) throws {
        guard pixels.count == labels.count * FashionSet.pixelsPerImage else {
            throw FashionDataError.invalidArgument(
                "FashionSet: \(pixels.count) pixel bytes for \(labels.count) labels, expected \(labels.count * FashionSet.pixelsPerImage)")
        }
        if let i = labels.firstIndex(where: { $0 >= FashionSet.classNames.count }) {
            throw FashionDataError.labelOutOfRange(name: "FashionSet", label: labels[i], index: i)
        }
        self.count = labels.count
        self.pixels = pixels
        self.labels = labels
    }

    /// Loads an images IDX file ([N, 28, 28]) and a labels IDX file ([N],
    /// values 0...9) and checks them against each other.
    public static func load(images: URL, labels: URL) throws -> FashionSet {
        let imageName = images.lastPathComponent
        let labelName = labels.lastPathComponent
        let imageFile = try IDXFile.read(images, name: imageName)
        guard imageFile.dims.count == 3, imageFile.dims[1] == side, imageFile.dims[2] == side else {
            throw FashionDataError.invalidIDX(name: imageName,
                problem: "dimensions are \(imageFile.dims), expected [N, 28, 28] for images")
        }
        let labelFile = try IDXFile.read(labels, name: labelName)
        guard labelFile.dims.count == 1 else {
            throw FashionDataError.invalidIDX(name: labelName,
                problem: "dimensions are \(labelFile.dims), expected [N] for labels")
        }
        if let i = labelFile.payload.firstIndex(where: { $0 >= classNames.count }) {
            throw FashionDataError.labelOutOfRange(name: labelName, label: labelFile.payload[i], index: i)
        }
        guard imageFile.dims[0] == labelFile.dims[0] else {
            throw FashionDataError.countMismatch(images: imageName, imageCount: imageFile.dims[0],
                                                 labels: labelName, labelCount: labelFile.dims[0])
        }
        return try FashionSet(pixels: imageFile.payload, labels: labelFile.payload)
    }

    /// The 784 bytes of image `index` (0 ≤ index < count).
    public func image(_ index: Int) -> ArraySlice<UInt8> {
        pixels[index * FashionSet.pixelsPerImage ..< (index + 1) * FashionSet.pixelsPerImage]
    }
}
