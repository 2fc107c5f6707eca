/// A grid of FashionMNIST images for the examples figure.
///
/// Images are laid out row by row, `columns` per row, in the order of
/// `indices`, each scaled by `scale` (nearest neighbour) and separated by a
/// `padding`-pixel white border. Pixel values are the dataset's own (0 =
/// black background, 255 = white). All encodings are deterministic.
public struct ImageGrid: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// Row-major, top row first, `width * height` bytes.
    public let pixels: [UInt8]

    public static let padValue: UInt8 = 255

    /// Builds the grid; throws if an index is outside `0..<images.count` or the
    /// layout parameters are not positive.
    public init(images: FashionSet, indices: [Int], columns: Int = 4, scale: Int = 1, padding: Int = 2) throws {
        guard columns > 0, scale > 0, padding >= 0, !indices.isEmpty else {
            throw FashionDataError.invalidArgument(
                "ImageGrid: expected at least one index, columns > 0, scale > 0, padding >= 0; got \(indices.count) indices, columns \(columns), scale \(scale), padding \(padding)")
        }
        if let bad = indices.first(where: { $0 < 0 || $0 >= images.count }) {
            throw FashionDataError.invalidArgument("ImageGrid: image index \(bad) is outside 0..<\(images.count)")
        }
        let tile = FashionSet.side * scale
        let rows = (indices.count + columns - 1) / columns
        let width = padding + columns * (tile + padding)
        let height = padding + rows * (tile + padding)
        var out = [UInt8](repeating: ImageGrid.padValue, count: width * height)
        for (k, index) in indices.enumerated() {
            let x0 = padding + (k % columns) * (tile + padding)
            let y0 = padding + (k / columns) * (tile + padding)
            let base = index * FashionSet.pixelsPerImage
            for y in 0..<tile {
                for x in 0..<tile {
                    out[(y0 + y) * width + x0 + x] = images.pixels[base + (y / scale) * FashionSet.side + x / scale]
                }
            }
        }
        self.width = width
        self.height = height
        self.pixels = out
    }

    /// The first `count` images (16 by default: a 4x4 grid).
    public static func first(_ count: Int = 16, of images: FashionSet, columns: Int = 4, scale: Int = 1) throws -> ImageGrid {
        try ImageGrid(images: images, indices: Array(0..<min(count, images.count)), columns: columns, scale: scale)
    }

    /// Binary PGM (P5, maxval 255): opens in most image viewers.
    public func pgm() -> [UInt8] {
        Array("P5\n\(width) \(height)\n255\n".utf8) + pixels
    }

    /// 8-bit grayscale PNG.
    public func png() throws -> [UInt8] {
        try PNGEncoder.grayscale(width: width, height: height, pixels: pixels)
    }

    /// gnuplot `matrix` text: one line per pixel row, top row first, values
    /// separated by spaces. Plot with `plot 'f' matrix with image` and
    /// `set yrange [] reverse` to keep the top row at the top.
    public func matrixText() -> String {
        var lines: [String] = []
        lines.reserveCapacity(height)
        for row in 0..<height {
            lines.append(pixels[row * width ..< (row + 1) * width].map(String.init).joined(separator: " "))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// One-call forms, for callers that want the encoded bytes directly.
extension ImageGrid {
    public static func pgm(images: FashionSet, indices: [Int], columns: Int = 4) throws -> [UInt8] {
        try ImageGrid(images: images, indices: indices, columns: columns).pgm()
    }

    public static func png(images: FashionSet, indices: [Int], columns: Int = 4, scale: Int = 1) throws -> [UInt8] {
        try ImageGrid(images: images, indices: indices, columns: columns, scale: scale).png()
    }

    public static func matrixText(images: FashionSet, indices: [Int], columns: Int = 4) throws -> String {
        try ImageGrid(images: images, indices: indices, columns: columns).matrixText()
    }
}
