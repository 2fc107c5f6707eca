import Foundation
import Hashing
import Testing

@Suite struct SHA256Tests {
    @Test func knownVectors() {
        // FIPS 180-2 test vectors.
        #expect(SHA256.hash("").hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hash("abc").hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func streamingEqualsOneShot() throws {
        let bytes = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sha-\(UUID()).bin")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try SHA256.hash(fileAt: url) == SHA256.hash(bytes))
    }
}
