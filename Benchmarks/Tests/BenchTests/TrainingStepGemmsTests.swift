import Testing
@testable import pipeline_bench

@Suite struct TrainingStepGemmsTests {
    let step = TrainingStepGemms(sizes: [784, 512, 256, 256, 128, 10], batch: 256)

    @Test func fourteenProductsInPropagationOrder() {
        #expect(step.shapes.count == 5 + 5 + 4)
        #expect(step.shapes.first?.label == "forward L1 256x512x784 NT")
        #expect(step.shapes.last?.label == "weight-grad L1 512x784x256 TN")
        // No input gradient for the first layer: training never needs dL/dinput.
        #expect(!step.shapes.contains { $0.role == .inputGradient && $0.layer == 1 })
    }

    @Test func everyGradientHasTheShapeOfWhatItDifferentiates() {
        let sizes = step.sizes
        for s in step.shapes where s.role == .weightGradient {
            #expect(s.m == sizes[s.layer] && s.n == sizes[s.layer - 1] && s.k == 256)
        }
        for s in step.shapes where s.role == .inputGradient {
            #expect(s.m == 256 && s.n == sizes[s.layer - 1] && s.k == sizes[s.layer])
        }
    }

    @Test func epochWorkMatchesTheIssuesEstimate() {
        // The issue's figure: about 149 GFLOP per epoch of 195 steps.
        let epoch = step.flops * 195
        print("epoch GFLOP: \(epoch / 1e9) (issue: about 149)")
        #expect(abs(epoch / 1e9 - 149) < 0.5)
        // Weights 784*512 + 512*256 + 256*256 + 256*128 + 128*10 = 632,064 multiply-adds per image
        // forward and again for weight gradients; input gradients skip layer 1's 401,408.
        #expect(step.flops == 2 * 256 * Double(632_064 * 2 + 632_064 - 401_408))
    }

    @Test func anEvaluationIsOneForwardPassPerImage() {
        #expect(step.forwardFlopsPerImage == 2 * 632_064)
        // The study's validation pass, 10,000 images after every epoch: about 12.6 GFLOP.
        #expect(abs(10_000 * step.forwardFlopsPerImage / 1e9 - 12.64) < 0.01)
    }
}
