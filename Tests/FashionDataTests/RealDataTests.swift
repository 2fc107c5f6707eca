import Foundation
import Testing
@testable import FashionData

/// The real FashionMNIST files from Debian's dataset-fashion-mnist package.
/// The HTTP source listed first is a closed port on 127.0.0.1, standing in for
/// an unreachable upstream: the fetch must fall back to file:// at once.
let debianFashionMNIST = URL(fileURLWithPath: "/usr/share/datasets/fashion-mnist/", isDirectory: true)

@Suite(.enabled(if: FileManager.default.fileExists(atPath: debianFashionMNIST.path), "dataset-fashion-mnist not installed"))
struct RealDataTests {
    static let debian = debianFashionMNIST

    @Test func fetchDecompressVerifyAndLoad() throws {
        let dir = try makeTempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let unreachable = URL(string: "http://127.0.0.1:\(try TestHTTPServer.closedPort())/fashion/")!
        var idx: [String: URL] = [:]
        let started = Date()
        for file in DataFile.fashionMNIST {
            let gz = dir.appendingPathComponent(file.name)
            let used = try Downloader.fetch(file, sources: [unreachable, Self.debian], to: gz)
            #expect(used == Self.debian.appendingPathComponent(file.name))
            let plainName = String(file.name.dropLast(3))
            let plain = dir.appendingPathComponent(plainName)
            let (sha, bytes) = try Gunzip.decompress(gz, to: plain, displayName: file.name)
            print("\(plainName): \(bytes) bytes, sha256 \(sha)")
            #expect(sha == file.sha256)
            #expect(bytes == file.size)
            idx[plainName] = plain
        }
        print("fetch + verify + decompress of all four: \(Date().timeIntervalSince(started)) s")

        let loadStart = Date()
        let train = try FashionSet.load(images: try #require(idx["train-images-idx3-ubyte"]),
                                        labels: try #require(idx["train-labels-idx1-ubyte"]))
        let test = try FashionSet.load(images: try #require(idx["t10k-images-idx3-ubyte"]),
                                       labels: try #require(idx["t10k-labels-idx1-ubyte"]))
        print("load of both sets: \(Date().timeIntervalSince(loadStart)) s")
        #expect(train.count == 60_000 && train.pixels.count == 60_000 * 784)
        #expect(test.count == 10_000 && test.pixels.count == 10_000 * 784)
        // FashionMNIST is balanced: 6,000 train and 1,000 test images per class.
        var trainPerClass = [Int](repeating: 0, count: 10), testPerClass = [Int](repeating: 0, count: 10)
        for l in train.labels { trainPerClass[Int(l)] += 1 }
        for l in test.labels { testPerClass[Int(l)] += 1 }
        #expect(trainPerClass == [Int](repeating: 6_000, count: 10))
        #expect(testPerClass == [Int](repeating: 1_000, count: 10))
        print("first train labels: \(train.labels.prefix(10).map { FashionSet.classNames[Int($0)] })")
        #expect(Array(train.labels.prefix(10)) == [9, 0, 0, 3, 0, 2, 7, 2, 5, 5])

        let grid = try ImageGrid.first(16, of: train, scale: 3)
        let png = try grid.png()
        #expect(try ImageGrid.first(16, of: train, scale: 3).png() == png)
        try Data(png).write(to: FileManager.default.temporaryDirectory.appendingPathComponent("fashion-examples.png"))
        #expect(try listing(dir).filter { $0.hasPrefix(".") } == [], "no temporary files left")
    }
}
