import Testing
import Foundation
@testable import Workflow

/// Sets the lock file's mtime 10 s back, so its stat has settled (`LockFile.Snapshot.signature`).
private func settle(_ p: Project) throws {
    var times = [timespec(tv_sec: time(nil) - 10, tv_nsec: 0), timespec(tv_sec: time(nil) - 10, tv_nsec: 0)]
    #expect(utimensat(AT_FDCWD, LockFile.url(root: p.root).path, &times, 0) == 0)
}

private func verified(_ p: Project) throws -> Bool { LockVerification.holds(for: try p.lock(), root: p.root, store: p.store) }

/// A project that ran `chain(tag)`, then a no-op run over its settled lock file, which noted it.
private func notedProject(_ tag: String) throws -> (Project, String) {
    let p = try Project()
    let text = chain(tag)
    try p.run(text)
    try settle(p)
    #expect(try verified(p) == false)
    #expect(try p.run(text).ran == 0)
    #expect(try verified(p))
    return (p, text)
}

@Test func aNoOpRunOverASettledLockFileNotesItAndTheNoteSparesTheRecords() throws {
    let (p, text) = try notedProject("noted")
    let pipeline = try p.load(text)
    let lock = try p.lock()
    let entry = try #require(lock.entries["enoted@1"])
    // A record the planner would reject if it read it: with the note, the entry stands for it.
    try Data("not json".utf8).write(to: p.store.runURL(entry.key))
    let unread = Planner(pipeline: pipeline, store: p.store, lock: lock, lockVerified: true).evaluateAll()
    let e = try #require(unread.first { $0.name == "enoted@1" })
    #expect(e.record == entry)
    #expect(e.record?.started == "")  // the entry's results, without the record's times
    let read = Planner(pipeline: pipeline, store: p.store, lock: lock).evaluateAll()
    #expect(read.first { $0.name == "enoted@1" }?.record == nil)
}

@Test func aLockFileJustWrittenGetsNoNote() throws {
    let p = try Project()
    let text = chain("fresh")
    try p.run(text)
    #expect(try p.run(text).ran == 0)  // unsettled: a second write could leave the same stat
    #expect(try verified(p) == false)
    #expect(!FileManager.default.fileExists(atPath: LockVerification.folder(p.store).path))
}

@Test func anEditedLockFileLosesItsNoteAndItsEditIsNotTrusted() throws {
    let (p, text) = try notedProject("edited")
    let before = try Data(contentsOf: LockFile.url(root: p.root))
    var lock = try p.lock()
    let right = try #require(lock.entries["eedited@1"])
    var edited = right
    edited.outputs = try #require(lock.entries["eedited@2"]).outputs  // objects that exist, with the right sizes
    lock.entries["eedited@1"] = edited
    try lock.write(root: p.root)
    try settle(p)
    #expect(try verified(p) == false)
    #expect(try p.run(text).ran == 0)
    #expect(try p.lock().entries["eedited@1"]?.outputs == right.outputs)
    #expect(try Data(contentsOf: LockFile.url(root: p.root)) == before)
}

@Test func anEntryThatDiffersFromItsRecordGetsNoNoteFromStatus() throws {
    let p = try Project()
    let text = chain("differs")
    try p.run(text)
    var lock = try p.lock()
    var entry = try #require(lock.entries["cdiffers"])
    entry.outputs = try #require(lock.entries["ediffers@1"]).outputs
    lock.entries["cdiffers"] = entry
    try lock.write(root: p.root)
    try settle(p)
    let report = try StatusReport.make(pipeline: try p.load(text), store: p.store)
    #expect(report.entries.filter { !$0.upToDate }.isEmpty)
    #expect(try verified(p) == false)
    // The same file with the stage's true entry back: status notes it.
    lock.entries["cdiffers"] = try #require(p.store.record(entry.key)).results
    try lock.write(root: p.root)
    try settle(p)
    _ = try StatusReport.make(pipeline: try p.load(text), store: p.store)
    #expect(try verified(p))
}

@Test func withANoteAMissingObjectStillMakesItsStageRun() throws {
    let (p, text) = try notedProject("object")
    let entry = try #require(try p.lock().entries["eobject@1"])
    let object = try #require(entry.outputs["out.txt"])
    try FileManager.default.removeItem(atPath: p.store.objectPath(object.hash))
    #expect(try p.run(text).ran == 1)
}

@Test func gcDropsEveryNote() throws {
    let (p, _) = try notedProject("gc")
    _ = try StoreMaintenance(store: p.store).collect(keep: [], extraObjects: [], dryRun: true)
    #expect(try verified(p))
    _ = try StoreMaintenance(store: p.store).collect(keep: [], extraObjects: [], dryRun: false)
    #expect(try verified(p) == false)
}

/// Two projects on one store keep a note each.
@Test func notesAreKeptPerLockFile() throws {
    let (p, _) = try notedProject("one")
    let other = URL(fileURLWithPath: p.root.path + "-other")
    #expect(LockVerification.path(root: p.root, store: p.store) != LockVerification.path(root: other, store: p.store))
    let lock = try p.lock()
    #expect(!LockVerification.holds(for: lock, root: other, store: p.store))
}

/// The lock file leaves volatile outputs out; with a note, a stage that has them still gets its record's.
@Test func withANoteAStageWithVolatileOutputsStillReadsItsRecord() throws {
    let p = try Project()
    let registry = KindRegistry([StampKind.self, ConcatKind.self])
    let text = #"{"version": 1, "stages": {"nstamp": {"kind": "stamp", "params": {"text": "n"}}, "ncat": {"kind": "concat", "deps": ["nstamp"], "params": {}}}}"#
    try p.run(text, registry: registry)
    try settle(p)
    #expect(try p.run(text, registry: registry).ran == 0)
    #expect(try verified(p))
    let lock = try p.lock()
    #expect(lock.entries["nstamp"]?.outputs["stamp.txt"] == nil)
    let planner = Planner(pipeline: try p.load(text, registry: registry), store: p.store, lock: lock, lockVerified: true)
    let e = try #require(planner.evaluateAll().first { $0.name == "nstamp" })
    #expect(e.record?.outputs["stamp.txt"] != nil)
    #expect(e.record?.started.isEmpty == false)  // read from the record
}

/// Writes the run seconds its `src` input's record gives (-1 when unknown).
private struct InputSecondsKind: StageKind {
    struct Params: Codable, Sendable { var tag: String }
    static let name = "input-seconds"
    static let version = 1
    func run(_ p: Params, in c: StageContext) throws {
        try Data("\(try c.input("src").seconds ?? -1)".utf8).write(to: c.outputURL("seconds.txt"))
    }
}

/// A stage that runs after its dep was taken from a checked lock file still gets the dep's run seconds.
@Test func withANoteARunningStageStillGetsItsInputsRunSeconds() throws {
    let p = try Project()
    let registry = KindRegistry([EmitKind.self, InputSecondsKind.self])
    func text(_ tag: String) -> String {
        #"{"version": 1, "stages": {"src": {"kind": "emit", "params": {"text": "s"}}, "secs": {"kind": "input-seconds", "deps": ["src"], "params": {"tag": "\#(tag)"}}}}"#
    }
    try p.run(text("a"), registry: registry)
    // The record's seconds, set to a value no run of `emit` takes (its facts are not in the lock entry, so it still matches).
    let key = try #require(try p.lock().entries["src"]?.key)
    let url = p.store.runURL(key)
    let recordText = try String(contentsOf: url, encoding: .utf8)
    let edited = try #require(recordText.range(of: #""seconds": [0-9.e-]+,"#, options: .regularExpression))
    try recordText.replacingCharacters(in: edited, with: #""seconds": 12.5,"#).write(to: url, atomically: true, encoding: .utf8)
    try settle(p)
    #expect(try p.run(text("a"), registry: registry).ran == 0)
    #expect(try verified(p))
    #expect(try p.run(text("b"), registry: registry).ran == 1)
    let out = try #require(try p.lock().entries["secs"]?.outputs["seconds.txt"])
    #expect(try String(contentsOf: p.store.objectURL(out.hash), encoding: .utf8) == "12.5")
}
