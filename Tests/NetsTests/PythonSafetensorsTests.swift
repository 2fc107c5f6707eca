import Foundation
import Testing
@testable import Nets

let pythonHasSafetensors: Bool = (try? PythonSafetensorsTests.python("import safetensors.numpy, numpy").status) == 0

/// Interoperability with the reference `safetensors` Python package, when installed
/// (`pip install safetensors numpy`); skipped otherwise.
@Suite(.enabled(if: pythonHasSafetensors, "skipped: python3 with safetensors and numpy is not installed"))
struct PythonSafetensorsTests {
    static func python(_ script: String, arguments: [String] = []) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func temporaryFile(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("nets-\(ProcessInfo.processInfo.processIdentifier)-\(name)")
    }

    @Test func pythonReadsOurCheckpoint() throws {
        let model = try randomModel(MLPConfig(inputSize: 7, hiddenSizes: [5], outputSize: 3, activation: .swish), seed: 3)
        let url = temporaryFile("ours.safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(try Checkpoint.encode(model: model)).write(to: url)
        // Python prints every tensor's name, shape and float32 values as hex bit patterns.
        let script = """
        import sys, json
        from safetensors import safe_open
        out = {}
        with safe_open(sys.argv[1], framework="numpy") as f:
            meta = f.metadata()
            for k in f.keys():
                t = f.get_tensor(k)
                out[k] = {"shape": list(t.shape), "dtype": str(t.dtype), "bits": [format(int(v), "08x") for v in t.reshape(-1).view("uint32")]}
        print(json.dumps({"tensors": out, "config": meta["config"]}))
        """
        let (status, output) = try Self.python(script, arguments: [url.path])
        #expect(status == 0, "\(output)")
        let parsed = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        let tensors = try #require(parsed?["tensors"] as? [String: [String: Any]])
        #expect(Set(tensors.keys) == ["layers.0.weight", "layers.0.bias", "layers.2.weight", "layers.2.bias"])
        var compared = 0
        for (i, layer) in model.layers.enumerated() {
            for (name, values, shape) in [("weight", layer.weight, [layer.outFeatures, layer.inFeatures]), ("bias", layer.bias, [layer.outFeatures])] {
                let t = try #require(tensors["layers.\(2 * i).\(name)"])
                #expect(t["shape"] as? [Int] == shape)
                #expect(t["dtype"] as? String == "float32")
                #expect(t["bits"] as? [String] == values.map { String(format: "%08x", $0.bitPattern) })
                compared += values.count
            }
        }
        print("python safetensors read \(compared) values bit-identically")
        #expect(parsed?["config"] as? String == #"{"activation":"swish","hiddenSizes":[5],"inputSize":7,"outputSize":3}"#)
    }

    @Test func weReadAFileWrittenByPython() throws {
        let url = temporaryFile("theirs.safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        let script = """
        import sys, numpy as np
        from safetensors.numpy import save_file
        w = (np.arange(12, dtype=np.float32) - 5.5) / 3
        save_file({"layers.0.weight": w.reshape(4, 3), "layers.0.bias": np.array([1.5, -2, 0.25, 1e-20], dtype=np.float32)},
                  sys.argv[1], metadata={"config": '{"activation":"tanh","hiddenSizes":[],"inputSize":3,"outputSize":4}'})
        """
        let (status, output) = try Self.python(script, arguments: [url.path])
        #expect(status == 0, "\(output)")
        let bytes = [UInt8](try Data(contentsOf: url))
        let (model, optimizer, _) = try Checkpoint.decode(bytes, source: url.lastPathComponent)
        #expect(optimizer == nil)
        #expect(model.config == MLPConfig(inputSize: 3, hiddenSizes: [], outputSize: 4, activation: .tanh))
        #expect(model.layers[0].weight == (0..<12).map { (Float($0) - 5.5) / 3 })
        #expect(model.layers[0].bias == [1.5, -2, 0.25, 1e-20])
    }
}
