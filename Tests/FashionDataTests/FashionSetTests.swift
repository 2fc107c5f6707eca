import Foundation
import Testing
@testable import FashionData

@Suite struct FashionSetTests {
    /// Writes an images and a labels file into a fresh directory.
    private func pair(_ images: IDXFile, _ labels: IDXFile) throws -> (URL, URL, URL) {
        let dir = try makeTempDirectory()
        let i = dir.appendingPathComponent("t10k-images-idx3-ubyte")
        let l = dir.appendingPathComponent("t10k-labels-idx1-ubyte")
        try images.write(to: i)
        try labels.write(to: l)
        return (dir, i, l)
    }

    private func loadError(_ images: IDXFile, _ labels: IDXFile) throws -> String? {
        let (dir, i, l) = try pair(images, labels)
        defer { try? FileManager.default.removeItem(at: dir) }
        do { _ = try FashionSet.load(images: i, labels: l); return nil } catch { return "\(error)" }
    }

    @Test func loadsPixelsAndLabelsAsBytes() throws {
        let (dir, i, l) = try pair(fixtureImages(count: 5), fixtureLabels(count: 5))
        defer { try? FileManager.default.removeItem(at: dir) }
        let set = try FashionSet.load(images: i, labels: l)
        #expect(set.count == 5)
        #expect(set.labels == [0, 1, 2, 3, 4])
        #expect(set.pixels.count == 5 * 784)
        // Image 3, row 2, column 1: 3*7 + 2*3 + 1.
        #expect(set.pixels[3 * 784 + 2 * 28 + 1] == 28)
        #expect(Array(set.image(4)) == Array(fixtureImages(count: 5).payload[4 * 784 ..< 5 * 784]))
    }

    @Test func labelOutOfRangeNamesFileIndexAndValue() throws {
        var labels = fixtureLabels(count: 8)
        labels.payload[5] = 11
        #expect(try loadError(fixtureImages(count: 8), labels) == "t10k-labels-idx1-ubyte: label 11 at index 5 is out of range 0...9")
    }

    @Test func shapesAndCountsAreChecked() throws {
        let narrow = IDXFile(dims: [2, 28, 27], payload: [UInt8](repeating: 0, count: 2 * 28 * 27))
        #expect(try loadError(narrow, fixtureLabels(count: 2))
                == "t10k-images-idx3-ubyte: dimensions are [2, 28, 27], expected [N, 28, 28] for images")
        let flat = IDXFile(dims: [2, 784], payload: [UInt8](repeating: 0, count: 2 * 784))
        #expect(try loadError(flat, fixtureLabels(count: 2))
                == "t10k-images-idx3-ubyte: dimensions are [2, 784], expected [N, 28, 28] for images")
        let squareLabels = IDXFile(dims: [2, 1], payload: [0, 1])
        #expect(try loadError(fixtureImages(count: 2), squareLabels)
                == "t10k-labels-idx1-ubyte: dimensions are [2, 1], expected [N] for labels")
        #expect(try loadError(fixtureImages(count: 3), fixtureLabels(count: 4))
                == "t10k-images-idx3-ubyte has 3 images but t10k-labels-idx1-ubyte has 4 labels (expected equal counts)")
        // Labels passed as images: caught by the dimension check, not a crash.
        #expect(try loadError(fixtureLabels(count: 2), fixtureLabels(count: 2))
                == "t10k-images-idx3-ubyte: dimensions are [2], expected [N, 28, 28] for images")
    }

    @Test func classNamesAreTheTenFashionClasses() {
        #expect(FashionSet.classNames.count == 10)
        #expect(FashionSet.classNames.first == "T-shirt/top")
        #expect(FashionSet.classNames[7] == "Sneaker")
        #expect(FashionSet.classNames.last == "Ankle boot")
    }
}
