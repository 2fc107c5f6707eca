import Foundation
import Nets
import Workflow

/// The `init` stage's artifacts: the initial weights as safetensors
/// (`layers.{2i}.weight` / `.bias`, as the reference network names them) and
/// the generator state right after drawing them, in `torch.get_rng_state()`'s
/// byte layout, so training's shuffles continue PyTorch's stream.
enum InitCheckpoint {
    static let weightsFile = "init.safetensors"
    static let generatorFile = "generator.bin"
    static let format = "pipeline.init.v1"
    /// The input roles of initial weights: the network's own, and the deeper one dead-neurons compares.
    static let role = InputRole("init", files: [weightsFile, generatorFile])
    static let deepRole = InputRole("init-deep", files: [weightsFile])

    static func write(layers: [LinearParameters], seed: UInt64, generator: TorchGenerator, in context: StageContext) throws {
        var tensors: [String: Safetensors.Tensor] = [:]
        for (i, layer) in layers.enumerated() {
            tensors["layers.\(2 * i).weight"] = .init(shape: [layer.outFeatures, layer.inFeatures], values: layer.weight)
            tensors["layers.\(2 * i).bias"] = .init(shape: [layer.outFeatures], values: layer.bias)
        }
        let sizes = [layers[0].inFeatures] + layers.map(\.outFeatures)
        let metadata = ["format": format, "seed": String(seed),
                        "layer_sizes": sizes.map(String.init).joined(separator: ",")]
        try context.write(Safetensors.encode(tensors, metadata: metadata), to: weightsFile)
        try context.write(generator.serialized(), to: generatorFile)
    }

    struct Loaded {
        var seed: UInt64
        var layerSizes: [Int]
        var layers: [LinearParameters]
        var generator: TorchGenerator
    }

    /// Reads the `init` dependency of the running stage (role `role`).
    static func read(role: String = "init", in context: StageContext) throws -> Loaded {
        let input = try context.input(role)
        let source = "\(input.stage)/\(weightsFile)"
        let (tensors, metadata) = try Safetensors.decode(Array(Data(contentsOf: input.url(weightsFile))), source: source)
        guard metadata["format"] == format else {
            throw StageError("\(source): expected format \(format), found \(metadata["format"] ?? "none")")
        }
        guard let seed = metadata["seed"].flatMap(UInt64.init) else { throw StageError("\(source): metadata seed missing") }
        let sizes = (metadata["layer_sizes"] ?? "").split(separator: ",").compactMap { Int($0) }
        guard sizes.count >= 2 else { throw StageError("\(source): metadata layer_sizes missing") }
        var layers: [LinearParameters] = []
        for i in 0..<(sizes.count - 1) {
            guard let w = tensors["layers.\(2 * i).weight"], let b = tensors["layers.\(2 * i).bias"],
                  w.shape == [sizes[i + 1], sizes[i]], b.shape == [sizes[i + 1]] else {
                throw StageError("\(source): layer \(2 * i) missing or not shaped [\(sizes[i + 1]), \(sizes[i])]")
            }
            layers.append(try LinearParameters(inFeatures: sizes[i], outFeatures: sizes[i + 1], weight: w.values, bias: b.values))
        }
        let generator = try TorchGenerator(serialized: Array(Data(contentsOf: input.url(generatorFile))))
        return Loaded(seed: seed, layerSizes: sizes, layers: layers, generator: generator)
    }

    /// The initial network with activation `activation`.
    static func model(_ loaded: Loaded, activation: ActivationKind) throws -> MLP {
        let config = MLPConfig(inputSize: loaded.layerSizes[0], hiddenSizes: Array(loaded.layerSizes.dropFirst().dropLast()),
                               outputSize: loaded.layerSizes[loaded.layerSizes.count - 1], activation: activation)
        return try MLP(config: config, layers: loaded.layers)
    }
}

/// `init@s<seed>`: `torch.manual_seed(seed)` then the network's linear layers
/// in construction order with `nn.Linear`'s default law. Shared by every
/// activation of that seed, as the reference reseeds before each network.
struct InitStage: StageKind {
    struct Params: Codable, Sendable {
        var seed: UInt64
        var hiddenSizes: [Int]
        var inputSize: Int
        var outputSize: Int
    }

    static let name = "init"
    static let version = 1
    static let numeric = true
    static let summary = "PyTorch-exact initial weights and generator state for one seed"

    func run(_ params: Params, in context: StageContext) throws {
        let sizes = [params.inputSize] + params.hiddenSizes + [params.outputSize]
        guard sizes.allSatisfy({ $0 > 0 }) else {
            throw StageError("params: layer sizes must be positive, found \(sizes)")
        }
        var generator = TorchGenerator(seed: params.seed)
        let layers = try LinearInit.mlp(sizes: sizes, generator: &generator).enumerated().map { i, p in
            try LinearParameters(inFeatures: sizes[i], outFeatures: sizes[i + 1], weight: p.weight, bias: p.bias)
        }
        try InitCheckpoint.write(layers: layers, seed: params.seed, generator: generator, in: context)
        context.log("layers \(sizes.map(String.init).joined(separator: "-")), seed \(params.seed)")
    }
}
