import Foundation
import Testing
@testable import Nets

/// PyTorch's gradient spread at initialisation (`init_gradients_first256_seed42`
/// in Tests/fixtures/pytorch/pytorch_golden.json) and the comparison with ours.
///
/// To wire the full check once init, data and split exist: build the seed-42
/// network, take the first 256 train-split images, then
/// `GoldenGradients.load()[kind]!.compare(loss: g.loss, stats: GradientStats.of(g.weights))`.
struct GoldenGradients {
    let loss: Double
    let meanAbs: [Double]
    let std: [Double]

    enum LoadError: Error, CustomStringConvertible {
        case missing(String)
        var description: String { "pytorch_golden.json: init_gradients_first256_seed42: \(self)" }
    }

    /// Reference values per activation.
    static func load() throws -> [ActivationKind: GoldenGradients] {
        let url = try fixtureURL("pytorch_golden.json")
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        guard let section = root?["init_gradients_first256_seed42"] as? [String: Any] else {
            throw LoadError.missing("section")
        }
        var out: [ActivationKind: GoldenGradients] = [:]
        for kind in ActivationKind.allCases {
            guard let entry = section[kind.rawValue] as? [String: Any],
                  let loss = entry["loss"] as? Double,
                  let meanAbs = entry["weight_grad_mean_abs"] as? [Double],
                  let std = entry["weight_grad_std"] as? [Double] else {
                throw LoadError.missing(kind.rawValue)
            }
            out[kind] = GoldenGradients(loss: loss, meanAbs: meanAbs, std: std)
        }
        return out
    }

    /// Largest relative differences (loss, mean |g| over layers, std over layers)
    /// between ours and PyTorch's.
    func compare(loss ours: Float, stats: (meanAbs: [Double], std: [Double])) -> (loss: Double, meanAbs: Double, std: Double) {
        func rel(_ a: [Double], _ b: [Double]) -> Double {
            guard a.count == b.count else { return .infinity }
            return zip(a, b).map { abs($0 - $1) / abs($1) }.max() ?? 0
        }
        return (abs(Double(ours) - loss) / abs(loss), rel(stats.meanAbs, meanAbs), rel(stats.std, std))
    }
}

/// A file of Tests/fixtures/pytorch/, the reference values shared with StudyTests
/// (written by its make_golden.py from PyTorch).
func fixtureURL(_ name: String) throws -> URL {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/pytorch/\(name)")
    guard FileManager.default.fileExists(atPath: url.path) else {
        throw GoldenGradients.LoadError.missing("fixture \(url.path) not found")
    }
    return url
}

/// The fixture has the shape its generator writes (make_golden.py --schema,
/// which needs only python3, not torch): the two cannot drift apart silently.
@Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")))
func goldenFixtureMatchesItsGeneratorsSchema() throws {
    let script = try fixtureURL("make_golden.py")
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    p.arguments = [script.path, "--schema"]
    let out = Pipe()
    p.standardOutput = out
    p.standardError = out
    try p.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    #expect(p.terminationStatus == 0)
    #expect(text == "\(try fixtureURL("pytorch_golden.json").path): schema ok\n")
}
