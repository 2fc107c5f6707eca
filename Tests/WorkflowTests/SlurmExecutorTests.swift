import Foundation
import Testing
@testable import Workflow

@Test func slurmExecutorSubmitsInOrderWithDependenciesAndResources() throws {
    let p = try SlurmProject(SlurmProject.diamond)
    let fake = FakeScheduler()
    let summary = try p.executor(fake).run(RunOptions())
    #expect(summary.ran == 0 && summary.failed == 0)
    let logs = p.store.root.path + "/slurm/logs"
    let root = p.root.standardizedFileURL.path
    #expect(fake.submissions.map(\.options) == [
        ["--job-name=pipeline:src", "--chdir=\(root)", "--cpus-per-task=1", "--output=\(logs)/src-%j.log"],
        ["--job-name=pipeline:up", "--chdir=\(root)", "--cpus-per-task=2", "--output=\(logs)/up-%A_%a.log",
         "--mem=100M", "--time=0:05:00", "--array=0-2", "--dependency=afterok:100"],
        ["--job-name=pipeline:solo", "--chdir=\(root)", "--cpus-per-task=1", "--output=\(logs)/solo-%j.log", "--dependency=afterok:100"],
        ["--job-name=pipeline:count", "--chdir=\(root)", "--cpus-per-task=1", "--output=\(logs)/count-%j.log",
         "--dependency=afterok:101_0:101_1:101_2:102"],
    ])
    #expect(fake.submissions.map(\.script.lastPathComponent) == ["src.sh", "up.sh", "solo.sh", "count.sh"])
    let jobs = try SlurmJobsFile.read(store: p.store)
    #expect(jobs.entries.mapValues(\.job) == ["src": "100", "up@1": "101_0", "up@2": "101_1", "up@3": "101_2", "solo": "102", "count": "103"])
    #expect(jobs.entries["up@2"]?.log == "\(logs)/up-101_1.log")
}

@Test func slurmExecutorIsDeterministic() throws {
    var scripts: [[String]] = []
    for _ in 0..<2 {
        let p = try SlurmProject(SlurmProject.diamond)
        let fake = FakeScheduler()
        _ = try p.executor(fake).run(RunOptions())
        // Paths differ per project; compare with the project folder masked.
        scripts.append(try fake.submissions.map {
            try String(contentsOf: $0.script, encoding: .utf8).replacingOccurrences(of: p.root.path, with: "<root>")
        })
    }
    #expect(scripts[0] == scripts[1])
    #expect(scripts[0].count == 4)
}

@Test func slurmExecutorCancelsWhatItSubmittedWhenASubmissionFails() throws {
    let p = try SlurmProject(SlurmProject.diamond)
    let fake = FakeScheduler()
    fake.failAfter = 2
    #expect(throws: SlurmError.self) { try p.executor(fake).run(RunOptions()) }
    #expect(fake.cancelled == ["100", "101"])
    #expect(try SlurmJobsFile.read(store: p.store).entries.isEmpty)
}

@Test func slurmMonitorReportsFailuresAndCancelsOrphans() throws {
    let fake = FakeScheduler()
    // First look: array pending as one line, dependant waiting. Then task 1 fails and its dependant is orphaned.
    fake.answers = [
        [FakeScheduler.state("7", "PENDING"), FakeScheduler.state("8", "PENDING", reason: "Dependency")],
        [FakeScheduler.state("7_0", "COMPLETED"), FakeScheduler.state("7_1", "FAILED", reason: "NonZeroExitCode", exit: "1:0"),
         FakeScheduler.state("8", "PENDING", reason: "DependencyNeverSatisfied")],
    ]
    let entries = [SlurmJobsFile.Entry(stage: "a@1", job: "7_0", log: "/l/a0", submitted: ""),
                   SlurmJobsFile.Entry(stage: "a@2", job: "7_1", log: "/l/a1", submitted: ""),
                   SlurmJobsFile.Entry(stage: "b", job: "8", log: "/l/b", submitted: "")]
    let monitor = SlurmMonitor(scheduler: fake, console: Console(isTerminal: false), pollInterval: 0.01, timeout: 5)
    let outcome = try monitor.wait(for: entries)
    #expect(outcome.reported == ["a@2", "b"])
    #expect(fake.cancelled == ["8"])
    #expect(!outcome.interrupted)
}

@Test func slurmMonitorGivesUpAfterItsTimeout() throws {
    let fake = FakeScheduler()
    fake.answers = [[FakeScheduler.state("9", "RUNNING")]]
    let monitor = SlurmMonitor(scheduler: fake, console: Console(isTerminal: false), pollInterval: 0.01, timeout: 0.05)
    #expect(throws: SlurmError.self) { try monitor.wait(for: [SlurmJobsFile.Entry(stage: "s", job: "9", log: "", submitted: "")]) }
}

@Test func slurmJobsFileRoundTripsAndNamesBadFields() throws {
    let store = Store(root: FileManager.default.temporaryDirectory.appendingPathComponent("jobs-\(UUID().uuidString)"))
    let file = SlurmJobsFile(entries: ["b": .init(stage: "b", job: "5_1", log: "/l/b", submitted: "2026-01-01T00:00:00Z"),
                                       "a": .init(stage: "a", job: "4", log: "/l/a", submitted: "2026-01-01T00:00:00Z")])
    try file.write(store: store)
    #expect(try SlurmJobsFile.read(store: store) == file)
    let bytes = try Data(contentsOf: SlurmJobsFile.url(store: store))
    try file.write(store: store)
    #expect(try Data(contentsOf: SlurmJobsFile.url(store: store)) == bytes)
    try Data(#"{"jobs": [{"stage": "a", "job": 4, "log": "", "submitted": ""}]}"#.utf8).write(to: SlurmJobsFile.url(store: store))
    let error = try #require(throws: SlurmError.self) { try SlurmJobsFile.read(store: store) }
    #expect(error.description == "\(SlurmJobsFile.url(store: store).path): jobs[0].job: expected a string")
}

/// Issue 14: jobs.json was read, changed and rewritten without a lock, so two
/// submitters at once lost entries. Now a submitter merges under the meta
/// lock: while another holds it (here: the test, adding its own entry), it waits.
@Test func slurmSubmittersMergeJobsFileUnderTheMetaLock() throws {
    let p = try SlurmProject(SlurmProject.diamond)
    let other = SlurmJobsFile.Entry(stage: "other", job: "7", log: "/l/other", submitted: "")
    let done = DispatchSemaphore(value: 0)
    let result = ResultBox()
    try p.store.createLayout()
    try p.store.withMetaLock(message: { _ in }) {
        Thread.detachNewThread {
            result.add(Result { try p.executor(FakeScheduler()).run(RunOptions()) })
            done.signal()
        }
        usleep(300_000)  // time for the submitter to reach jobs.json (it must wait for the lock)
        #expect(try SlurmJobsFile.read(store: p.store).entries.isEmpty)
        try SlurmJobsFile(entries: ["other": other]).write(store: p.store)
    }
    done.wait()
    #expect(try result.all.first?.get().failed == 0)
    let jobs = try SlurmJobsFile.read(store: p.store)
    #expect(jobs.entries["other"] == other, "the other submitter's entry is kept")
    #expect(jobs.entries.keys.sorted() == ["count", "other", "solo", "src", "up@1", "up@2", "up@3"])
}
