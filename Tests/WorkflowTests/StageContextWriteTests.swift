import Foundation
import Testing
import Workflow

/// `StageContext.write` names the output and the cause when a write fails:
/// /dev/full stands in for a full disk.
@Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
func writeFailureNamesTheOutputAndTheCause() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ctx-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("full.bin").path, withDestinationPath: "/dev/full")
    let context = StageContext(stageName: "t", threads: 1, outputDirectory: dir, scratchDirectory: dir, inputs: [],
                               log: { _ in }, progress: { _ in })
    #expect(throws: StageError.self) { try context.write(Data(repeating: 7, count: 10), to: "full.bin") }
    do { try context.write(Data(repeating: 7, count: 10), to: "full.bin") } catch {
        #expect("\(error)" == "full.bin: cannot write: No space left on device")
    }
    try context.write(Data("ok".utf8), to: "sub/ok.txt")
    #expect(try String(contentsOf: dir.appendingPathComponent("sub/ok.txt"), encoding: .utf8) == "ok")
}
