import Foundation
import Testing
@testable import Report

/// Renders `figure` twice in fresh temp folders with the real gnuplot and
/// checks the SVG is non-empty, starts like SVG, and is byte-identical across
/// runs (and so are the .dat and .gp). Set REPORT_KEEP_FIGURES=/some/dir to
/// keep a copy for viewing. Returns the SVG text.
@discardableResult
func renderTwiceAndCompare(_ figure: some GnuplotFigure, name: String) throws -> String {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("report-tests-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: base) }
    var outputs: [[Data]] = []
    for run in 0..<2 {
        let folder = base.appendingPathComponent("run\(run)")
        let files = try figure.render(to: folder, name: name)
        #expect(files.warnings.isEmpty, "gnuplot warned: \(files.warnings)")
        outputs.append(try [files.data, files.script, files.svg].map { try Data(contentsOf: $0) })
        if run == 0, let keep = ProcessInfo.processInfo.environment["REPORT_KEEP_FIGURES"] {
            let dest = URL(fileURLWithPath: keep)
            try FileManager.default.createDirectory(at: dest, withIntermediateDirectories: true)
            for url in [files.data, files.script, files.svg] {
                let target = dest.appendingPathComponent(url.lastPathComponent)
                try? FileManager.default.removeItem(at: target)
                try FileManager.default.copyItem(at: url, to: target)
            }
        }
    }
    let svg = String(decoding: outputs[0][2], as: UTF8.self)
    print("\(name): dat \(outputs[0][0].count) B, gp \(outputs[0][1].count) B, svg \(outputs[0][2].count) B")
    #expect(outputs[0][2].count > 1000)
    #expect(svg.hasPrefix("<?xml") || svg.hasPrefix("<svg"))
    #expect(outputs[0] == outputs[1], "same figure, different bytes")
    return svg
}

/// The six activations of the study with their derivatives, for test data.
let testActivations: [(String, @Sendable (Double) -> Double, @Sendable (Double) -> Double)] = [
    ("sigmoid", { 1 / (1 + exp(-$0)) }, { let s = 1 / (1 + exp(-$0)); return s * (1 - s) }),
    ("tanh", { tanh($0) }, { 1 - tanh($0) * tanh($0) }),
    ("ReLU", { max($0, 0) }, { $0 > 0 ? 1 : 0 }),
    ("LeakyReLU", { $0 > 0 ? $0 : 0.1 * $0 }, { $0 > 0 ? 1 : 0.1 }),
    ("ELU", { $0 > 0 ? $0 : exp($0) - 1 }, { $0 > 0 ? 1 : exp($0) }),
    ("Swish", { $0 / (1 + exp(-$0)) }, { let s = 1 / (1 + exp(-$0)); return s + $0 * s * (1 - s) }),
]

/// Deterministic pseudo-normal values (sum of 4 uniforms from an LCG).
func testNormals(count: Int, seed: UInt64, scale: Double = 1) -> [Float] {
    var state = seed &* 6364136223846793005 &+ 1442695040888963407
    func uniform() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) / Double(1 << 53)
    }
    return (0..<count).map { _ in Float(((uniform() + uniform() + uniform() + uniform()) - 2) * 1.7320508 * scale) }
}
