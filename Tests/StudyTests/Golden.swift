import Foundation

/// The PyTorch reference values (Tests/fixtures/pytorch/pytorch_golden.json,
/// shared with NetsTests, drawn by make_golden.py there from real PyTorch on CPU).
enum Golden {
    static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/pytorch/pytorch_golden.json")

    nonisolated(unsafe) static let json: [String: Any] = {
        guard let data = try? Data(contentsOf: url),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        return object
    }()

    static func initGradients(_ activation: String) -> (loss: Double, meanAbs: [Double], std: [Double])? {
        guard let all = json["init_gradients_first256_seed42"] as? [String: Any],
              let g = all[activation] as? [String: Any],
              let loss = g["loss"] as? Double,
              let m = g["weight_grad_mean_abs"] as? [Double], let s = g["weight_grad_std"] as? [Double] else { return nil }
        return (loss, m, s)
    }

    static func intList(_ path: String...) -> [Int] {
        var node: Any? = json
        for key in path { node = (node as? [String: Any])?[key] }
        return (node as? [Int]) ?? []
    }

    static func string(_ path: String...) -> String {
        var node: Any? = json
        for key in path { node = (node as? [String: Any])?[key] }
        return (node as? String) ?? ""
    }
}
