import Foundation
@testable import Study
import Workflow

/// Runs stage kinds in-process, without the engine: each run gets fresh
/// output and scratch folders under one temp folder, and its outputs become a
/// `StageInput` for later stages.
final class StageHarness: @unchecked Sendable {
    let root: URL
    private(set) var logs: [String] = []
    private let lock = NSLock()

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("study-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Runs `kind` as stage `name` and returns its outputs as an input for later stages.
    @discardableResult
    func run<K: StageKind>(_ kind: K, _ params: K.Params, as name: String, inputs: [StageInput] = [],
                           scratch: URL? = nil, threads: Int = 1) throws -> StageInput {
        let out = root.appendingPathComponent("out-\(name)-\(UUID().uuidString)")
        let scratchDir = scratch ?? root.appendingPathComponent("scratch-\(name)-\(UUID().uuidString)")
        for dir in [out, scratchDir] { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }
        let context = StageContext(stageName: name, threads: threads, outputDirectory: out, scratchDirectory: scratchDir,
                                   inputs: inputs,
                                   log: { [weak self] line in self?.append("\(name): \(line)") },
                                   progress: { _ in })
        try kind.run(params, in: context)
        return try Self.input(stage: name, folder: out)
    }

    private func append(_ line: String) { lock.lock(); logs.append(line); lock.unlock() }

    /// Every file under `folder` (relative names) as a stage's outputs.
    static func input(stage: String, folder: URL) throws -> StageInput {
        var files: [String: URL] = [:]
        var hashes: [String: String] = [:]
        let base = folder.standardizedFileURL.path
        if let e = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in e where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                let rel = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
                files[rel] = url
                hashes[rel] = try SHA256Hex.file(url)
            }
        }
        return StageInput(stage: stage, files: files, hashes: hashes)
    }
}

import Hashing
enum SHA256Hex {
    static func file(_ url: URL) throws -> String { try SHA256.hash(fileAt: url).hex }
}
