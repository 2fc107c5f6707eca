/// Figure 6: a grid of grayscale images (row-major, `columns` wide), each
/// with its title, drawn `with image`: gnuplot embeds each as a small PNG in
/// the SVG (about 2 kB each, where `pixels` would write ~80 kB of rectangles);
/// the bytes are the same on every redraw.
///
/// Pixels are row-major, top row first, `imageWidth * imageHeight` bytes per
/// image, 0 = black, 255 = white. Data: block i = image i as a text matrix
/// (`matrix` format: one line per image row).
public struct ImageGridFigure: GnuplotFigure {
    public var images: [[UInt8]]
    public var titles: [String]
    public var columns: Int
    public var imageWidth: Int
    public var imageHeight: Int
    public var title: String?
    public var panelSize: Int

    public init(images: [[UInt8]], titles: [String], columns: Int = 4, imageWidth: Int = 28,
                imageHeight: Int = 28, title: String? = nil, panelSize: Int = 160) {
        self.images = images
        self.titles = titles
        self.columns = columns
        self.imageWidth = imageWidth
        self.imageHeight = imageHeight
        self.title = title
        self.panelSize = panelSize
    }

    public func files(name: String) throws(FigureError) -> (data: String, script: String) {
        let fig = "ImageGridFigure"
        guard !images.isEmpty else { throw FigureError(figure: fig, field: "images", expected: "at least one image") }
        guard titles.count == images.count else {
            throw FigureError(figure: fig, field: "titles", expected: "\(images.count) titles (one per image), got \(titles.count)")
        }
        guard columns >= 1, imageWidth >= 1, imageHeight >= 1 else {
            throw FigureError(figure: fig, field: "columns/imageWidth/imageHeight", expected: "all >= 1")
        }
        var data = GnuplotData()
        for (i, px) in images.enumerated() {
            guard px.count == imageWidth * imageHeight else {
                throw FigureError(figure: fig, field: "images[\(i)]",
                                  expected: "\(imageWidth * imageHeight) pixels (\(imageWidth)x\(imageHeight)), got \(px.count)")
            }
            data.addBlock(comment: "image \(i): \(titles[i])", fields: (0..<imageHeight).map { r in
                px[(r * imageWidth)..<((r + 1) * imageWidth)].map { String($0) }
            })
        }
        let rows = (images.count + columns - 1) / columns
        let header = title == nil ? 0 : 30
        let height = (panelSize + 10) * rows + header
        var s = GnuplotScript(name: name, width: panelSize * columns, height: height)
        // Explicit margins leave room for the overall title above the top row.
        let top = 1 - Double(header + 22) / Double(height)
        s.add([
            "set multiplot layout \(rows),\(columns)" + (title.map { " title " + GnuplotText.quoted($0) + " font ',13'" } ?? "")
                + " margins 0.01,0.99,0.01,\(NumberFormat.fixed(top, 3)) spacing 0.02,0.06",
            "set palette gray",
            "set cbrange [0:255]",
            "unset colorbox",
            "unset key",
            "unset tics",
            "unset border",
            "set size ratio -1",
            "set xrange [-0.5:\(Double(imageWidth) - 0.5)]",
            // Row 0 of the matrix is the image's top row: flip y.
            "set yrange [\(Double(imageHeight) - 0.5):-0.5]",
        ])
        for (i, t) in titles.enumerated() {
            s.add("set title " + GnuplotText.quoted(t) + " font ',10' offset 0,-0.5")
            s.add("plot \(s.data) index \(i) matrix with image")
        }
        s.add("unset multiplot")
        return (data.text, s.text)
    }
}
