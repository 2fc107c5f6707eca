import Foundation

/// Model (and optionally optimizer) checkpoints as safetensors files that
/// PyTorch can load into the reference `BaseNetwork`.
///
/// Tensors are named as that network's `nn.Sequential` state_dict: linear
/// layer i is `layers.{2i}.weight` (out x in) and `layers.{2i}.bias` (the odd
/// indices are the activation modules). Metadata: `format`, `config` (the
/// `MLPConfig` as JSON with sorted keys). With an optimizer: `optimizer`
/// ("sgd"), `sgd.learningRate`, `sgd.momentum`, and once a step was taken the
/// momentum buffers as `momentum.layers.{2i}.weight` / `.bias`, so training
/// resumes byte-identically (filter the `momentum.` prefix before
/// `load_state_dict`). Same model and optimizer -> same bytes.
public enum Checkpoint {
    public static let format = "pipeline.mlp.v1"

    /// The safetensors bytes of `model`, plus `optimizer`'s state when given.
    public static func encode(model: MLP, optimizer: SGD? = nil) throws -> [UInt8] {
        var tensors: [String: Safetensors.Tensor] = [:]
        func add(_ layers: [LinearParameters], prefix: String) {
            for (i, layer) in layers.enumerated() {
                tensors["\(prefix)layers.\(2 * i).weight"] = .init(shape: [layer.outFeatures, layer.inFeatures], values: layer.weight)
                tensors["\(prefix)layers.\(2 * i).bias"] = .init(shape: [layer.outFeatures], values: layer.bias)
            }
        }
        add(model.layers, prefix: "")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var metadata = ["format": format,
                        "config": String(decoding: try encoder.encode(model.config), as: UTF8.self)]
        if let optimizer {
            metadata["optimizer"] = "sgd"
            metadata["sgd.learningRate"] = "\(optimizer.learningRate)"
            metadata["sgd.momentum"] = "\(optimizer.momentum)"
            if let velocities = optimizer.velocities { add(velocities, prefix: "momentum.") }
        }
        return try Safetensors.encode(tensors, metadata: metadata)
    }

    /// The model (and optimizer, if saved) in checkpoint bytes. Throws
    /// `SafetensorsError` for malformed bytes and `CheckpointError` when the
    /// config, a tensor name or a shape is missing or wrong. `source` names the bytes in errors.
    public static func decode(_ bytes: [UInt8], source: String = "checkpoint") throws
        -> (model: MLP, optimizer: SGD?, metadata: [String: String]) {
        let (tensors, metadata) = try Safetensors.decode(bytes, source: source)
        func fail(_ field: String, _ message: String) -> CheckpointError {
            CheckpointError(source: source, field: field, message)
        }
        guard let configJSON = metadata["config"] else {
            throw fail("__metadata__.config", "missing; expected the network's MLPConfig as JSON")
        }
        let config: MLPConfig
        do {
            config = try JSONDecoder().decode(MLPConfig.self, from: Data(configJSON.utf8))
            try config.validate()
        } catch {
            throw fail("__metadata__.config", "not a valid MLPConfig (\(error))")
        }
        let sizes = config.layerSizes
        var expectedNames = Set<String>()
        func layers(prefix: String) throws -> [LinearParameters] {
            try (0..<config.linearCount).map { i in
                let w = "\(prefix)layers.\(2 * i).weight", b = "\(prefix)layers.\(2 * i).bias"
                expectedNames.formUnion([w, b])
                guard let weight = tensors[w] else { throw fail(w, "missing; expected shape [\(sizes[i + 1]), \(sizes[i])]") }
                guard weight.shape == [sizes[i + 1], sizes[i]] else {
                    throw fail(w, "shape \(weight.shape), expected [\(sizes[i + 1]), \(sizes[i])] for config \(sizes)")
                }
                guard let bias = tensors[b] else { throw fail(b, "missing; expected shape [\(sizes[i + 1])]") }
                guard bias.shape == [sizes[i + 1]] else {
                    throw fail(b, "shape \(bias.shape), expected [\(sizes[i + 1])] for config \(sizes)")
                }
                return LinearParameters(checkedIn: sizes[i], out: sizes[i + 1], weight: weight.values, bias: bias.values)
            }
        }
        let model = try MLP(config: config, layers: try layers(prefix: ""))
        var optimizer: SGD?
        if let kind = metadata["optimizer"] {
            guard kind == "sgd" else { throw fail("__metadata__.optimizer", "\"\(kind)\" is not supported; expected \"sgd\"") }
            guard let lr = metadata["sgd.learningRate"].flatMap(Float.init) else {
                throw fail("__metadata__.sgd.learningRate", "missing or not a number")
            }
            guard let mu = metadata["sgd.momentum"].flatMap(Float.init) else {
                throw fail("__metadata__.sgd.momentum", "missing or not a number")
            }
            do { optimizer = try SGD(learningRate: lr, momentum: mu) } catch {
                throw fail("__metadata__.sgd", "\(error)")
            }
            if tensors.keys.contains(where: { $0.hasPrefix("momentum.") }) {
                let velocities = try layers(prefix: "momentum.")
                do { try optimizer?.setVelocities(velocities, for: model) } catch {
                    throw fail("momentum.*", "\(error)")
                }
            }
        }
        if let extra = tensors.keys.sorted().first(where: { !expectedNames.contains($0) }) {
            throw fail(extra, "unexpected tensor for config \(sizes)\(optimizer == nil ? " without optimizer state" : "")")
        }
        return (model, optimizer, metadata)
    }
}
