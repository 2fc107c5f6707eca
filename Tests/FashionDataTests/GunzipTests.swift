import Foundation
import Support
import Hashing
import Testing
@testable import FashionData

@Suite struct GunzipTests {
    @Test func roundTripLargerThanBuffers() throws {
        let dir = try makeTempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let content = pseudoRandomBytes(700_000) + [UInt8](repeating: 42, count: 300_000)
        let gz = dir.appendingPathComponent("data.gz")
        try write(Deflate.compress(content), to: gz)
        let out = dir.appendingPathComponent("data")
        let result = try Gunzip.decompress(gz, to: out, displayName: "data.gz")
        #expect(result.bytes == content.count)
        #expect(result.sha256 == SHA256.hash(content).hex)
        #expect(try WholeFile.read(out) == content)
        #expect(try listing(dir) == ["data", "data.gz"])
    }

    @Test func deflateIsDeterministic() {
        let content = pseudoRandomBytes(50_000)
        let a = Deflate.compress(content), b = Deflate.compress(content)
        #expect(a == b)
        // gzip header: magic, deflate, no flags, mtime 0.
        #expect(Array(a.prefix(8)) == [0x1f, 0x8b, 8, 0, 0, 0, 0, 0])
    }

    @Test func multiMemberConcatenates() throws {
        let dir = try makeTempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = pseudoRandomBytes(100_000, seed: 1), second = pseudoRandomBytes(70_000, seed: 2)
        let gz = dir.appendingPathComponent("two.gz")
        try write(Deflate.compress(first) + Deflate.compress(second), to: gz)
        let out = dir.appendingPathComponent("two")
        let result = try Gunzip.decompress(gz, to: out, displayName: "two.gz")
        #expect(result.bytes == first.count + second.count)
        #expect(try WholeFile.read(out) == first + second)
    }

    /// Decompresses `gz` expecting a failure; checks nothing is left but the input.
    private func failure(_ gz: [UInt8], name: String = "train-images-idx3-ubyte.gz") throws -> FashionDataError? {
        let dir = try makeTempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent(name)
        try write(gz, to: input)
        var caught: FashionDataError?
        do {
            _ = try Gunzip.decompress(input, to: dir.appendingPathComponent("out"), displayName: name)
        } catch let error as FashionDataError { caught = error }
        #expect(try listing(dir) == [name], "no output or temp file may remain")
        return caught
    }

    @Test func truncatedStreamNamesFileAndOutputLength() throws {
        let content = pseudoRandomBytes(400_000)
        let gz = Deflate.compress(content)
        let error = try #require(try failure(Array(gz.prefix(gz.count / 2))))
        guard case let .truncatedGzip(name, produced) = error else { Issue.record("got \(error)"); return }
        #expect(name == "train-images-idx3-ubyte.gz")
        #expect(produced > 0 && produced < content.count)
        #expect(error.description == "train-images-idx3-ubyte.gz: truncated gzip stream (ended after \(produced) bytes of output)")
        // Missing only the 8-byte trailer is also truncation, after all the output.
        let tail = try #require(try failure(Array(gz.dropLast(4))))
        #expect(tail == .truncatedGzip(name: "train-images-idx3-ubyte.gz", outputBytes: content.count))
        #expect(try failure([]) == .truncatedGzip(name: "train-images-idx3-ubyte.gz", outputBytes: 0))
    }

    @Test func corruptDataGivesZlibReason() throws {
        let content = [UInt8](repeating: 7, count: 10_000) + pseudoRandomBytes(10_000)
        var gz = Deflate.compress(content)
        // CRC-32 trailer wrong: zlib's "incorrect data check".
        gz[gz.count - 8] ^= 0xff
        #expect(try failure(gz)?.description == "train-images-idx3-ubyte.gz: corrupt gzip data: incorrect data check")
        // Not gzip at all.
        #expect(try failure(Array("hello, world".utf8))?.description
                == "train-images-idx3-ubyte.gz: corrupt gzip data: incorrect header check")
        // A stored-size mismatch in the trailer.
        var sized = Deflate.compress(content)
        sized[sized.count - 1] ^= 0x01
        #expect(try failure(sized)?.description == "train-images-idx3-ubyte.gz: corrupt gzip data: incorrect length check")
        // A broken block type inside the deflate data (BTYPE = 11 is reserved).
        var block = Deflate.compress(content)
        block[10] |= 0b110
        #expect(try failure(block)?.description == "train-images-idx3-ubyte.gz: corrupt gzip data: invalid block type")
    }

    @Test func trailingGarbageIsRejectedWithOffset() throws {
        let gz = Deflate.compress(pseudoRandomBytes(5_000))
        #expect(try failure(gz + [0, 0, 0, 0]) == .trailingGarbage(name: "train-images-idx3-ubyte.gz", offset: gz.count))
        #expect(try failure(gz + Array("junk".utf8)) == .trailingGarbage(name: "train-images-idx3-ubyte.gz", offset: gz.count))
        #expect(try failure(gz + [0x1f]) == .trailingGarbage(name: "train-images-idx3-ubyte.gz", offset: gz.count))
        let message = FashionDataError.trailingGarbage(name: "a.gz", offset: 12).description
        #expect(message == "a.gz: trailing garbage after the last gzip member at byte 12 (expected end of file or another gzip member)")
    }
}
