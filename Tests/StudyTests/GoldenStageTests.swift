import FashionData
import Foundation
import Hashing
import Nets
@testable import Study
import Testing
import Workflow

/// The study's stages on the real data against PyTorch's reference values.
@Suite(.enabled(if: RealData.available, "needs Debian's dataset-fashion-mnist"))
struct GoldenStageTests {
    @Test func splitIsPyTorchsRandomSplit() throws {
        let p = try RealData.get()
        let split = try Artifacts.read(SplitIndices.self, from: p.split.url("split.json"), what: "split")
        #expect(split.train.count == 50_000 && split.validation.count == 10_000)
        #expect(Array(split.train.prefix(16)) == Golden.intList("split", "train_first16"))
        #expect(Array(split.validation.prefix(16)) == Golden.intList("split", "val_first16"))
        // train ++ validation is the whole permutation: hash it as PyTorch's int64 tensor.
        var bytes: [UInt8] = []
        for i in split.train + split.validation { withUnsafeBytes(of: Int64(i).littleEndian) { bytes += $0 } }
        #expect(SHA256.hash(bytes).hex == Golden.string("randperm_60000_after_seed42", "sha256_int64"))
    }

    @Test(arguments: ActivationKind.allCases)
    func initGradientsMatchPyTorch(_ kind: ActivationKind) throws {
        let p = try RealData.get()
        let out = try p.harness.run(InitGradientsStage(), .init(activations: [kind], batch: 256), as: "init-gradients",
                                    inputs: [p.decompress, p.split, p.initS42])
        let result = try Artifacts.read(InitGradients.self, from: out.url("init-gradients.json"), what: "init-gradients")
        let golden = try #require(Golden.initGradients(kind.rawValue))
        let ours = try #require(result.activations.first)
        var worst = abs(ours.loss - golden.loss) / golden.loss
        for (i, layer) in ours.layers.enumerated() {
            worst = max(worst, abs(layer.meanAbs - golden.meanAbs[i]) / golden.meanAbs[i])
            worst = max(worst, abs(layer.std - golden.std[i]) / golden.std[i])
        }
        print("init gradients \(kind.rawValue): max relative difference to PyTorch \(worst)")
        #expect(worst < 1e-4)
    }

    @Test func untrainedDeadNeuronsEqualTheNotebooks() throws {
        let p = try RealData.get()
        let data = try ByteImages(pixels: FashionSet.load(images: p.decompress.url("train-images-idx3-ubyte"),
                                                          labels: p.decompress.url("train-labels-idx1-ubyte")).pixels,
                                  labels: FashionSet.load(images: p.decompress.url("train-images-idx3-ubyte"),
                                                          labels: p.decompress.url("train-labels-idx1-ubyte")).labels)
        let split = try Artifacts.read(SplitIndices.self, from: p.split.url("split.json"), what: "split")
        let deep = try p.harness.run(InitStage(), .init(seed: 42, hiddenSizes: [256, 256, 256, 256, 256, 128, 128, 128, 128, 128],
                                                        inputSize: 784, outputSize: 10), as: "init-deep")
        let context = StageContext(stageName: "t", threads: 1, outputDirectory: p.harness.root, scratchDirectory: p.harness.root,
                                   inputs: [p.initS42, StageInput(stage: "init-deep", files: deep.files, hashes: deep.hashes)],
                                   log: { _ in }, progress: { _ in })
        let stage = DeadNeuronsStage()
        let base = try InitCheckpoint.model(InitCheckpoint.read(role: "init", in: context), activation: .relu)
        let deepModel = try InitCheckpoint.model(InitCheckpoint.read(role: "init-deep", in: context), activation: .relu)
        let baseCount = try stage.count(base, data: data, indices: split.train, batch: 1000, context: context)
        let deepCount = try stage.count(deepModel, data: data, indices: split.train, batch: 1000, context: context)
        #expect(baseCount.counts == [0, 0, 3, 10])
        #expect(deepCount.counts == [0, 0, 7, 27, 89, 60, 58, 61, 72, 56])
        #expect(baseCount.percent.map { ($0 * 100).rounded() / 100 } == [0, 0, 1.17, 7.81])
    }
}
