import Foundation
import Testing
@testable import Workflow

/// Submitters record their jobs with read-merge-write under `slurm/jobs.lock`:
/// without the lock, two at once read the same file and the later write drops
/// the other's entries.
@Test func concurrentSubmittersKeepEveryEntry() throws {
    let store = Store(root: FileManager.default.temporaryDirectory.appendingPathComponent("jobs-\(UUID().uuidString)"))
    defer { try? FileManager.default.removeItem(at: store.root) }
    let writers = 4, each = 8
    let group = DispatchGroup()
    let failures = ResultBox()
    for w in 0..<writers {
        group.enter()
        Thread.detachNewThread {
            for i in 0..<each {
                let e = SlurmJobsFile.Entry(stage: "s\(w)-\(i)", job: "\(100 * w + i)", log: "/l/\(w)-\(i)", submitted: "")
                do { try SlurmJobsFile.record([e], store: store) } catch { failures.add(.failure(error)) }
            }
            group.leave()
        }
    }
    group.wait()
    #expect(failures.all.isEmpty)
    let file = try SlurmJobsFile.read(store: store)
    #expect(file.entries.count == writers * each)
    #expect(file.entries["s3-7"]?.job == "307")
}
