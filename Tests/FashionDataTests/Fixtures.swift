import Foundation
@testable import FashionData

/// A fresh empty directory under the system temp dir, unique per call.
func makeTempDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("fashiondata-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Names of the files in `dir`, hidden ones included, sorted.
func listing(_ dir: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
}

func write(_ bytes: [UInt8], to url: URL) throws {
    try Data(bytes).write(to: url)
}

/// Deterministic pseudo-random bytes (xorshift), so fixtures are reproducible.
func pseudoRandomBytes(_ count: Int, seed: UInt64 = 0x9E3779B97F4A7C15) -> [UInt8] {
    var state = seed
    return (0..<count).map { _ in
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        return UInt8(truncatingIfNeeded: state >> 24)
    }
}

/// A small FashionMNIST-shaped pair: `count` images whose pixel bytes encode
/// (image, row, col) and labels `i % 10`.
func fixtureImages(count: Int) -> IDXFile {
    var payload: [UInt8] = []
    for i in 0..<count { for r in 0..<28 { for c in 0..<28 { payload.append(UInt8(truncatingIfNeeded: i * 7 + r * 3 + c)) } } }
    return IDXFile(dims: [count, 28, 28], payload: payload)
}

func fixtureLabels(count: Int) -> IDXFile {
    IDXFile(dims: [count], payload: (0..<count).map { UInt8($0 % 10) })
}

/// Thread-safe collector for progress lines.
final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func append(_ s: String) { lock.withLock { items.append(s) } }
    var all: [String] { lock.withLock { items } }
}
