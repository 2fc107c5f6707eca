import Foundation
import Testing
@testable import Report

@Suite(.serialized) struct FigureTests {
    @Test func functionPanelsRender() throws {
        let x = FunctionPanelsFigure.grid(from: -5, to: 5, count: 1000)
        #expect(x.count == 1000 && x.first == -5 && x.last == 5)
        let fig = FunctionPanelsFigure(curves: testActivations.map { name, f, df in
            FunctionCurve(name: name, x: x, value: x.map(f), derivative: x.map(df))
        }, columns: 2, title: "Activation functions and their derivatives")
        let svg = try renderTwiceAndCompare(fig, name: "activations")
        #expect(svg.contains("LeakyReLU"))
    }

    @Test func gradientHistogramGridRenders() throws {
        let layers = (1...5).map { "layer \($0)" }
        let samples = testActivations.enumerated().map { a, _ in
            layers.indices.map { l in testNormals(count: 3000, seed: UInt64(a * 10 + l), scale: 0.001 * Double(l + 1)) }
        }
        let fig = HistogramGridFigure(rows: testActivations.map(\.0), columns: layers, samples: samples,
                                      bins: 30, density: false, title: "Weight gradients at initialisation",
                                      xLabel: "gradient")
        try renderTwiceAndCompare(fig, name: "gradients")
    }

    @Test func activationHistogramGridRendersWithDensity() throws {
        let layers = (1...8).map { $0 % 2 == 1 ? "Linear \($0 / 2 + 1)" : "act_\($0 / 2)" }
        // ReLU-like panels: many exact zeros plus a tail; one constant panel
        // (all zeros) must still draw.
        let samples = testActivations.indices.map { a in
            layers.indices.map { l -> [Float] in
                if a == 2 && l == 7 { return [Float](repeating: 0, count: 1024) }
                let v = testNormals(count: 6000, seed: UInt64(100 + a * 10 + l))
                return l % 2 == 1 ? v.map { max($0, 0) } : v
            }
        }
        let fig = HistogramGridFigure(rows: testActivations.map(\.0), columns: layers, samples: samples,
                                      bins: 50, density: true, title: "Activations of trained networks")
        let svg = try renderTwiceAndCompare(fig, name: "activation-histograms")
        // Enhanced-text markup is escaped: "act_1" shows literally, not as a subscript.
        #expect(svg.contains("act_1"))
        let (dat, _) = try fig.files(name: "x")
        #expect(dat.utf8.count < 2_000_000)
    }

    @Test func validationCurvesRenderWithBands() throws {
        func run(_ a: Int, _ seed: Int) -> [Double] {
            (0..<(12 + seed * 3 + a)).map { (e: Int) -> Double in
                let rise: Double = 1 - exp(-Double(e) / 4)
                return 0.7 + 0.03 * Double(a) * rise + 0.15 * rise + 0.004 * Double(seed * seed)
            }
        }
        let series = testActivations.indices.map { a in
            CurveSeries(name: testActivations[a].0, runs: (0..<3).map { run(a, $0) })
        }
        var svgs: [String] = []
        for band in [CurvesFigure.Band.minMax, .standardDeviation] {
            let fig = CurvesFigure(series: series, band: band, title: "Validation accuracy",
                                   yLabel: "validation accuracy")
            svgs.append(try renderTwiceAndCompare(fig, name: "validation-\(band == .minMax ? "minmax" : "std")"))
        }
        #expect(svgs[0] != svgs[1], "the two band kinds drew the same picture")
    }

    @Test func curveStatisticsUseTheRunsThatReachEachEpoch() {
        let fig = CurvesFigure(series: [], band: .minMax, yLabel: "y")
        let rows = fig.statistics(of: CurveSeries(name: "s", runs: [[1, 2, 3], [3, 4]]))
        #expect(rows == [[1, 2, 1, 3, 2], [2, 3, 2, 4, 2], [3, 3, 3, 3, 1]])
        let sd = CurvesFigure(series: [], band: .standardDeviation, yLabel: "y")
            .statistics(of: CurveSeries(name: "s", runs: [[1], [3]]))
        // mean 2, unbiased std sqrt(2)
        #expect(abs(sd[0][2] - (2 - 2.0.squareRoot())) < 1e-15 && abs(sd[0][3] - (2 + 2.0.squareRoot())) < 1e-15)
    }

    @Test func deadNeuronBarsRender() throws {
        func group(_ title: String, _ counts: [Int], _ widths: [Int]) -> BarGroup {
            BarGroup(title: title, labels: counts.indices.map { "layer \($0 + 1)" },
                     values: counts.indices.map { 100 * Double(counts[$0]) / Double(widths[$0]) },
                     annotations: counts.indices.map { "\(counts[$0])" })
        }
        let fig = BarGroupsFigure(groups: [
            group("untrained ReLU", [0, 0, 3, 10], [512, 256, 256, 128]),
            group("trained ReLU", [0, 0, 0, 3], [512, 256, 256, 128]),
            group("untrained deep ReLU", [0, 0, 7, 27, 89, 60, 58, 61, 72, 56], [256, 256, 256, 256, 256, 128, 128, 128, 128, 128]),
        ], yLabel: "dead neurons (% of layer)", title: "Dead neurons per layer")
        let svg = try renderTwiceAndCompare(fig, name: "dead-neurons")
        #expect(svg.contains("layer 10"))
    }

    @Test func imageGridRenders() throws {
        // 16 synthetic 28x28 images: a bright square whose place moves per image.
        let images = (0..<16).map { k in
            (0..<784).map { p -> UInt8 in
                let (r, c) = (p / 28, p % 28)
                return (r / 7 == k / 4 && c / 7 == k % 4) ? 255 : UInt8((r * 3 + c) % 60)
            }
        }
        let names = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
                     "Bag", "Ankle boot", "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal"]
        let fig = ImageGridFigure(images: images, titles: names, columns: 4, title: "Training examples")
        let svg = try renderTwiceAndCompare(fig, name: "examples")
        #expect(svg.contains("Ankle boot"))
    }

    @Test func badFigureInputNamesFieldAndExpectation() throws {
        let wrongSize = ImageGridFigure(images: [[0, 1, 2]], titles: ["x"])
        #expect(throws: FigureError(figure: "ImageGridFigure", field: "images[0]",
                                    expected: "784 pixels (28x28), got 3")) { try wrongSize.files(name: "x") }
        let nanGrid = HistogramGridFigure(rows: ["relu"], columns: ["layer 1"], samples: [[[1, .nan]]], bins: 3, density: true)
        do {
            _ = try nanGrid.files(name: "x")
            Issue.record("NaN sample accepted")
        } catch {
            #expect(error.description.contains("samples[relu][layer 1]"))
            #expect(error.description.contains("index 1"))
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-bad-name")
        #expect(throws: FigureError.self) { try wrongSize.write(to: folder, name: "../evil") }
    }
}
