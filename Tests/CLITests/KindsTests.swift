import Foundation
import Testing

/// `pipeline kinds` and what the probed parameter lists feed: the error for a
/// missing parameter and the integer check. The parameter list of every kind
/// is found by probing its Decodable type; an enum-typed field (`train`'s
/// `activation`) used to stop the probe, hiding the fields after it.
@Suite struct KindsTests {
    /// Exact output, against golden/kinds.txt. After a deliberate change to a
    /// kind, regenerate it: `.build/debug/pipeline kinds > Tests/CLITests/golden/kinds.txt`.
    @Test func kindsOutputMatchesTheGoldenCopy() throws {
        let out = try CLI(pipeline: #"{"version": 1, "stages": {}}"#).run("kinds")
        #expect(out.code == 0)
        #expect(out.stderr == "")
        #expect(out.stdout == (try golden("kinds.txt")))
    }

    @Test func trainListsAllSixParameters() throws {
        let out = try CLI(pipeline: #"{"version": 1, "stages": {}}"#).run("kinds")
        let lines = out.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("train (") })
        #expect(Array(lines[(start + 1)...].prefix { $0.hasPrefix("  ") }) == [
            "  activation: one of sigmoid, tanh, relu, leakyrelu, elu, swish",
            "  batchSize: integer",
            "  learningRate: number",
            "  momentum: number",
            "  maxEpochs: integer",
            "  patience: integer",
            "  inputs: decompress (train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte), split (split.json), init (init.safetensors, generator.bin)",
        ])
    }

    func train(_ params: String) throws -> CLI.Output {
        try CLI(pipeline: #"{"version": 1, "stages": {"t": {"kind": "train", "params": {\#(params)}}}}"#).run("status")
    }

    @Test func aMissingTrainParameterNamesEveryNeededOne() throws {
        let out = try train(#""activation": "relu", "batchSize": 64, "learningRate": 0.01, "momentum": 0.9, "maxEpochs": 3"#)
        #expect(out.code == 2)
        #expect(out.stderr == "error: pipeline.json: stage 't': missing parameter 'patience' "
                + "(kind 'train' needs: activation, batchSize, learningRate, momentum, maxEpochs, patience)\n")
    }

    @Test func aFractionForATrainIntegerNamesTheField() throws {
        let out = try train(#""activation": "relu", "batchSize": 1.5, "learningRate": 0.01, "momentum": 0.9, "maxEpochs": 3, "patience": 2"#)
        #expect(out.code == 2)
        #expect(out.stderr == "error: pipeline.json: stage 't': params.batchSize: expected an integer, found a number\n")
    }
}
