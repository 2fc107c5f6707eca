import Testing
import Foundation
import FuzzSupport
@testable import FashionData

/// One edit biased to the header (where the parser's decisions are): set a
/// byte to 0/0xFF/random, flip a bit, truncate, delete or append bytes.
func mutateIDX(_ bytes: [UInt8], _ rng: inout FuzzRandom) -> [UInt8] {
    var b = bytes
    let headerBiased = rng.below(4) != 0 ? rng.below(min(b.count, 24) + 1) : rng.below(b.count + 1)
    let at = min(headerBiased, max(b.count - 1, 0))
    switch rng.below(6) {
    case 0 where !b.isEmpty: b[at] = [0, 0xFF, 1, UInt8(rng.below(256))][rng.below(4)]
    case 1 where !b.isEmpty: b[at] ^= UInt8(1 << rng.below(8))
    case 2: b = Array(b.prefix(rng.below(b.count + 1)))
    case 3 where !b.isEmpty: b.removeSubrange(at..<min(b.count, at + 1 + rng.below(6)))
    case 4: b.insert(contentsOf: (0..<(1 + rng.below(6))).map { _ in UInt8(rng.below(256)) }, at: min(at, b.count))
    default: b += [UInt8(rng.below(256))]
    }
    return b
}

/// 1,500 seeded mutants each of an image and a label file through
/// `IDXFile.parse` and `FashionSet.load`, and 300 mutants of their gzip
/// through `Gunzip`: only thrown errors naming the file, never a crash.
@Test func idxAndGzipFuzzNeverCrashes() throws {
    let dir = try makeTempDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let images = fixtureImages(count: 3).encoded(), labels = fixtureLabels(count: 3).encoded()
    var rng = FuzzRandom(state: 8)
    var accepted = 0, rejected = 0, unnamed: [String] = []
    let started = Date()
    let imagesURL = dir.appendingPathComponent("i"), labelsURL = dir.appendingPathComponent("l")
    for round in 0..<1500 {
        var mi = images, ml = labels
        for _ in 0..<(1 + rng.below(2)) { if round % 2 == 0 { mi = mutateIDX(mi, &rng) } else { ml = mutateIDX(ml, &rng) } }
        for (bytes, name) in [(mi, "images.idx"), (ml, "labels.idx")] {
            do { _ = try IDXFile.parse(bytes, name: name) } catch {
                if !"\(error)".contains(name) { unnamed.append("\(error)") }
            }
        }
        try Data(mi).write(to: imagesURL)
        try Data(ml).write(to: labelsURL)
        do { _ = try FashionSet.load(images: imagesURL, labels: labelsURL); accepted += 1 } catch { rejected += 1 }
    }
    let gz = Deflate.compress(images)
    let gzURL = dir.appendingPathComponent("x.gz"), outURL = dir.appendingPathComponent("x")
    var gzRejected = 0
    for _ in 0..<300 {
        var m = gz
        for _ in 0..<(1 + rng.below(2)) { m = mutateIDX(m, &rng) }
        try Data(m).write(to: gzURL)
        do { _ = try Gunzip.decompress(gzURL, to: outURL, displayName: "x.gz") } catch {
            gzRejected += 1
            if !"\(error)".contains("x.gz") { unnamed.append("\(error)") }
        }
    }
    print("IDX fuzz: 1500 pairs (\(accepted) accepted, \(rejected) rejected), 300 gzip mutants (\(gzRejected) rejected), \(unnamed.count) errors not naming the file, \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    #expect(rejected > 1000)
    #expect(gzRejected > 150)
    #expect(unnamed.isEmpty, "\(unnamed.prefix(5))")
}
