import Foundation
import Nets
import Workflow

/// One finished epoch, as `metrics.json` records it (accuracies in percent).
struct EpochRecord: Codable, Equatable, Sendable {
    var epoch: Int
    var trainLoss: Double
    var trainAccuracy: Double
    var validationAccuracy: Double
}

/// Everything a killed `train` stage needs to resume after its last finished
/// epoch and end with the same bytes as an uninterrupted run: kept in the
/// stage's scratch folder, replaced atomically after every epoch.
///
/// Files: `state.json` (this struct) names `epoch-NNNN.safetensors` (model and
/// momentum after that epoch) and `best-NNNN.safetensors` (the best model so
/// far). Checkpoints are written before the state that names them, and old
/// ones deleted after it, so `state.json` always names files that exist.
struct TrainingState: Codable, Sendable {
    var completedEpochs: Int
    var history: [EpochRecord]
    var epochSeconds: [Double]
    var stopping: EarlyStopping
    var generator: TorchGenerator
    var stopped: Bool
    var checkpointFile: String
    var bestFile: String

    static let fileName = "state.json"

    static func load(from dir: URL) throws -> (state: TrainingState, model: MLP, optimizer: SGD, best: MLP)? {
        let url = dir.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let state = try Artifacts.read(TrainingState.self, from: url, what: "training state")
        let current = try Checkpoint.decode(Array(Data(contentsOf: dir.appendingPathComponent(state.checkpointFile))),
                                            source: state.checkpointFile)
        let best = try Checkpoint.decode(Array(Data(contentsOf: dir.appendingPathComponent(state.bestFile))),
                                         source: state.bestFile)
        guard let optimizer = current.optimizer else { throw StageError("\(state.checkpointFile): optimizer state missing") }
        return (state, current.model, optimizer, best.model)
    }

    /// Persists this state with its checkpoints; `best` is written only when it changed.
    func save(to dir: URL, model: MLP, optimizer: SGD, best: MLP?, previous: TrainingState?) throws {
        try AtomicFile.write(Data(Checkpoint.encode(model: model, optimizer: optimizer)),
                              to: dir.appendingPathComponent(checkpointFile))
        if let best { try AtomicFile.write(Data(Checkpoint.encode(model: best)), to: dir.appendingPathComponent(bestFile)) }
        try AtomicFile.write(Artifacts.encoder().encode(self), to: dir.appendingPathComponent(Self.fileName))
        if let previous {
            for old in [previous.checkpointFile, previous.bestFile] where old != checkpointFile && old != bestFile {
                try? FileManager.default.removeItem(at: dir.appendingPathComponent(old))
            }
        }
    }
}
