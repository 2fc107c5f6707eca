import Foundation
import Testing
import Nets

/// Coarse guards against per-element allocation: the real figures are milliseconds; the bounds are loose
/// so a loaded machine cannot fail them, yet an accidental O(n) allocation per draw would.
@Suite struct RandomSpeedTests {
    private func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    @Test func randpermAndUniformTakeMilliseconds() {
        var g = TorchGenerator(seed: 42)
        var perm: [Int] = []
        var weights: [Float] = []
        let tPerm = seconds { perm = g.randperm(60_000) }
        let tUniform = seconds { weights = g.uniform(count: 401_408, from: -0.0357, to: 0.0357) }
        let tNet = seconds {
            var h = TorchGenerator(seed: 42)
            _ = LinearInit.mlp(sizes: [784, 512, 256, 256, 128, 10], generator: &h)
        }
        print(String(format: "randperm(60000): %.2f ms; uniform 401,408 floats: %.2f ms; base network init: %.2f ms",
                     tPerm * 1e3, tUniform * 1e3, tNet * 1e3))
        #expect(perm.count == 60_000 && weights.count == 401_408)
        #expect(tPerm < 0.5 && tUniform < 0.5 && tNet < 1.0)
    }
}
