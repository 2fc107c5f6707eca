import Foundation
import Support
import Testing
@testable import FashionData

@Suite struct IDXFileTests {
    @Test func encodesHeaderBigEndian() {
        let file = IDXFile(dims: [2, 3], payload: [1, 2, 3, 4, 5, 6])
        #expect(file.encoded() == [0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6])
        let big = IDXFile(dims: [0x0102_0304], payload: [])
        #expect(Array(big.encoded().prefix(8)) == [0, 0, 8, 1, 1, 2, 3, 4])
    }

    @Test func roundTripsThroughFileByteForByte() throws {
        let dir = try makeTempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = fixtureImages(count: 3)
        let url = dir.appendingPathComponent("images-idx3-ubyte")
        try file.write(to: url)
        #expect(try WholeFile.read(url) == file.encoded())
        #expect(try IDXFile.read(url, name: "images") == file)
        // Same value, same bytes, on a second write.
        let again = dir.appendingPathComponent("again")
        try file.write(to: again)
        #expect(try WholeFile.read(again) == WholeFile.read(url))
        #expect(try listing(dir) == ["again", "images-idx3-ubyte"])
    }

    private func parseError(_ bytes: [UInt8]) -> String? {
        do { _ = try IDXFile.parse(bytes, name: "t10k-images-idx3-ubyte"); return nil } catch { return "\(error)" }
    }

    @Test func rejectsEveryBadHeaderField() {
        #expect(parseError([0, 0]) == "t10k-images-idx3-ubyte: file is 2 bytes, shorter than the 4-byte IDX magic")
        #expect(parseError([0x1f, 0x8b, 8, 1, 0, 0, 0, 0])
                == "t10k-images-idx3-ubyte: magic starts with 0x1f 0x8b, expected 0x00 0x00 (not an IDX file)")
        #expect(parseError([0, 0, 0x0d, 1, 0, 0, 0, 0])
                == "t10k-images-idx3-ubyte: element type is 0x0d, expected 0x08 (unsigned byte)")
        #expect(parseError([0, 0, 8, 0]) == "t10k-images-idx3-ubyte: number of dimensions is 0, expected at least 1")
        #expect(parseError([0, 0, 8, 3, 0, 0, 0, 1])
                == "t10k-images-idx3-ubyte: header declares 3 dimensions (16 header bytes) but the file has only 8 bytes")
    }

    @Test func payloadMustMatchDimensionsExactly() {
        var bytes = IDXFile(dims: [2, 2], payload: [1, 2, 3, 4]).encoded()
        bytes.append(9)
        #expect(parseError(bytes) == "t10k-images-idx3-ubyte: payload is 5 bytes, expected 4 (the product of dimensions [2, 2])")
        bytes.removeLast(2)
        #expect(parseError(bytes) == "t10k-images-idx3-ubyte: payload is 3 bytes, expected 4 (the product of dimensions [2, 2])")
        // Huge declared sizes must not overflow or allocate.
        let huge: [UInt8] = [0, 0, 8, 3, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]
        #expect(parseError(huge) != nil)
    }

    @Test func missingFileNamesPath() throws {
        let dir = try makeTempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("absent")
        #expect(throws: FashionDataError.io(path: url.path, operation: "open for reading", errno: ENOENT)) {
            try IDXFile.read(url, name: "absent")
        }
    }
}
