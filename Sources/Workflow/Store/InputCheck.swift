import Foundation
import Hashing

/// Objects a stage was about to read whose content no longer matches their
/// hash (or that vanished). A flipped byte keeps the size, so the stat check of
/// run records cannot see it; re-hashing the inputs of a stage that is about
/// to run can, at the cost of reading them once more (small next to running
/// the stage). The objects are already in quarantine/ when this is thrown, so
/// the producers' records are invalid and the scheduler reruns them first.
public struct CorruptInputError: Error, CustomStringConvertible, Sendable {
    public let consumer: String
    /// Producing stages, in dependency order.
    public let producers: [String]
    /// `producer/file` of each bad input.
    public let files: [String]
    public var description: String {
        "input \(files.joined(separator: ", ")) of stage '\(consumer)' does not match its hash; moved it to quarantine/ and running "
            + producers.map { "'\($0)'" }.joined(separator: ", ") + " again"
    }
}

extension Store {
    /// Moves a corrupt object out of objects/ so no record can use it again.
    public func quarantineObject(_ hash: String) throws {
        try FileManager.default.createDirectory(at: quarantine, withIntermediateDirectories: true)
        let dest = quarantine.appendingPathComponent("\(hash)-\(UUID().uuidString.prefix(8))")
        guard rename(objectPath(hash), dest.path) == 0 || errno == ENOENT else {
            throw EngineError("\(objectPath(hash)): cannot move to quarantine: \(String(cString: strerror(errno)))")
        }
    }

    /// Re-hashes every object `consumer` will read; returns the corrupt ones
    /// (already quarantined) as an error, or nil when all are intact.
    public func corruptInputs(of consumer: String, deps: [(String, RunRecord)]) throws -> CorruptInputError? {
        var producers: [String] = [], files: [String] = []
        for (producer, record) in deps {
            for (file, out) in record.outputs.sorted(by: { $0.key < $1.key }) {
                let actual = try? SHA256.hash(fileAt: objectURL(out.hash)).hex
                guard actual != out.hash else { continue }
                try quarantineObject(out.hash)
                files.append("\(producer)/\(file)")
                if !producers.contains(producer) { producers.append(producer) }
            }
        }
        return files.isEmpty ? nil : CorruptInputError(consumer: consumer, producers: producers, files: files)
    }
}
