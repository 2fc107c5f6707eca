import CZlib
import Foundation
import Testing
@testable import FashionData

@Suite struct ImageGridTests {
    let set: FashionSet = {
        let images = fixtureImages(count: 20), labels = fixtureLabels(count: 20)
        // Fixture sizes agree by construction; a failure here is a test bug.
        return try! FashionSet(pixels: images.payload, labels: labels.payload)
    }()

    @Test func placesImagesRowByRowWithPadding() throws {
        let grid = try ImageGrid.first(16, of: set)
        #expect(grid.width == 2 + 4 * 30 && grid.height == 2 + 4 * 30)
        // Image k sits at column k%4, row k/4; its (r, c) pixel is k*7 + r*3 + c.
        for k in [0, 5, 15] {
            let x0 = 2 + (k % 4) * 30, y0 = 2 + (k / 4) * 30
            for (r, c) in [(0, 0), (27, 27), (13, 4)] {
                #expect(grid.pixels[(y0 + r) * grid.width + x0 + c] == UInt8(truncatingIfNeeded: k * 7 + r * 3 + c))
            }
        }
        #expect(grid.pixels[0] == 255 && grid.pixels[30 * grid.width + 5] == 255, "padding is white")
        let scaled = try ImageGrid(images: set, indices: [3], columns: 1, scale: 2, padding: 0)
        #expect(scaled.width == 56)
        #expect(scaled.pixels[(2 * 5 + 1) * 56 + 2 * 6 + 1] == UInt8(3 * 7 + 5 * 3 + 6))
    }

    @Test func badArgumentsAreErrors() {
        #expect(throws: FashionDataError.invalidArgument("ImageGrid: image index 20 is outside 0..<20")) {
            try ImageGrid(images: set, indices: [0, 20])
        }
        #expect(throws: FashionDataError.self) { try ImageGrid(images: set, indices: [], columns: 4) }
    }

    @Test func pgmHasHeaderAndRawPixels() throws {
        let grid = try ImageGrid.first(of: set)
        let pgm = grid.pgm()
        let header = Array("P5\n122 122\n255\n".utf8)
        #expect(Array(pgm.prefix(header.count)) == header)
        #expect(Array(pgm.dropFirst(header.count)) == grid.pixels)
        #expect(try ImageGrid.pgm(images: set, indices: Array(0..<16)) == pgm)
    }

    @Test func matrixTextHasOneLinePerRow() throws {
        let grid = try ImageGrid(images: set, indices: [1], columns: 1, padding: 0)
        let lines = grid.matrixText().split(separator: "\n")
        #expect(lines.count == 28)
        #expect(lines[0].split(separator: " ").count == 28)
        #expect(lines[2].hasPrefix("13 14 15 "))   // image 1, row 2: 7 + 6 + c
    }

    @Test func pngIsValidAndDeterministic() throws {
        let grid = try ImageGrid.first(of: set)
        let png = try grid.png()
        #expect(try grid.png() == png)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // Walk the chunks, checking each CRC, and inflate IDAT back to the rows.
        var offset = 8
        var types: [String] = []
        var idat: [UInt8] = []
        while offset < png.count {
            let length = png[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            let type = Array(png[offset + 4 ..< offset + 8])
            let data = Array(png[offset + 8 ..< offset + 8 + length])
            let crc = png[offset + 8 + length ..< offset + 12 + length].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            #expect(crc == Deflate.crc32(type + data))
            types.append(String(decoding: type, as: UTF8.self))
            if types.last == "IHDR" { #expect(data == [0, 0, 0, 122, 0, 0, 0, 122, 8, 0, 0, 0, 0]) }
            if types.last == "IDAT" { idat += data }
            offset += 12 + length
        }
        #expect(types == ["IHDR", "IDAT", "IEND"])
        var raw = [UInt8](repeating: 0, count: 123 * 122)
        var rawLength = uLongf(raw.count)
        #expect(uncompress(&raw, &rawLength, idat, uLong(idat.count)) == Z_OK)
        #expect(Int(rawLength) == raw.count)
        for row in [0, 2, 61, 121] {
            #expect(raw[row * 123] == 0, "filter type none")
            #expect(Array(raw[row * 123 + 1 ..< (row + 1) * 123]) == Array(grid.pixels[row * 122 ..< (row + 1) * 122]))
        }
    }
}
