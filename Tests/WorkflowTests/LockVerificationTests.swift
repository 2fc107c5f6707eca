import Testing
import Foundation
@testable import Workflow

private func verified(_ p: Project) throws -> Bool { LockVerification.holds(for: try p.lock(), root: p.root, store: p.store) }

/// A project that ran `chain(tag)`: the run wrote the lock file from its own records, and noted it.
private func notedProject(_ tag: String) throws -> (Project, String) {
    let p = try Project()
    let text = chain(tag)
    try p.run(text)
    #expect(try verified(p))
    return (p, text)
}

@Test func aRunThatWritesTheLockFileNotesItAndTheNoteSparesTheRecords() throws {
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

/// Without its note, a no-op run checks every record, then writes the note.
@Test func aNoOpRunThatCheckedEveryRecordNotesTheLockFile() throws {
    let (p, text) = try notedProject("checked")
    try LockVerification.dropAll(store: p.store)
    #expect(try verified(p) == false)
    #expect(try p.run(text).ran == 0)
    #expect(try verified(p))
}

/// A run of some stages keeps the others' entries as they were: it has not checked them, so it writes no note.
@Test func aRunThatKeepsEntriesItDidNotCheckWritesNoNote() throws {
    let p = try Project()
    try p.run(chain("partial"))
    try LockVerification.dropAll(store: p.store)
    #expect(try p.run(chain("partial", text: "b"), targets: ["epartial@1"]).ran == 1)
    #expect(try verified(p) == false)
    #expect(!FileManager.default.fileExists(atPath: LockVerification.folder(p.store).path))
    #expect(try p.run(chain("partial", text: "b")).ran == 2)  // epartial@2 and cpartial; then the lock file is noted again
    #expect(try verified(p))
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
    #expect(try verified(p) == false)
    #expect(try p.run(text).ran == 0)
    #expect(try p.lock().entries["eedited@1"]?.outputs == right.outputs)
    #expect(try Data(contentsOf: LockFile.url(root: p.root)) == before)
}

/// The note names the bytes: an edit in place that keeps the size and puts the mtime back is still seen.
@Test func anEditThatKeepsSizeAndMtimeLosesTheNote() throws {
    let (p, _) = try notedProject("inplace")
    let url = LockFile.url(root: p.root)
    var st = stat()
    #expect(stat(url.path, &st) == 0)
    var bytes = try Data(contentsOf: url)
    let key = try #require(bytes.range(of: Data(#""key": ""#.utf8)))
    bytes[key.upperBound] = bytes[key.upperBound] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")  // another hex digit
    let handle = try FileHandle(forWritingTo: url)
    try handle.write(contentsOf: bytes)
    try handle.close()
    var times = [st.st_atim, st.st_mtim]
    #expect(utimensat(AT_FDCWD, url.path, &times, 0) == 0)
    #expect(try verified(p) == false)
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
    let report = try StatusReport.make(pipeline: try p.load(text), store: p.store)
    #expect(report.entries.filter { !$0.upToDate }.isEmpty)
    #expect(try verified(p) == false)
    // The same file with the stage's true entry back: status notes it.
    lock.entries["cdiffers"] = try #require(p.store.record(entry.key)).results
    try lock.write(root: p.root)
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

@Test func withANoteADeletedRecordStillMakesItsStageRun() throws {
    let (p, text) = try notedProject("record")
    try FileManager.default.removeItem(at: p.store.runURL(try #require(try p.lock().entries["erecord@2"]).key))
    #expect(try p.run(text).ran == 1)
    // Empty, as a power cut can leave a record written after the last sync: absent too.
    try Data().write(to: p.store.runURL(try #require(try p.lock().entries["erecord@1"]).key))
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
    #expect(try p.run(text("a"), registry: registry).ran == 0)
    #expect(try verified(p))
    #expect(try p.run(text("b"), registry: registry).ran == 1)
    let out = try #require(try p.lock().entries["secs"]?.outputs["seconds.txt"])
    #expect(try String(contentsOf: p.store.objectURL(out.hash), encoding: .utf8) == "12.5")
}

/// Read with its store, a noted lock file's entries get no text digest (nothing will be compared); without the note they do.
@Test func aNotedLockFileIsReadWithoutEntryDigests() throws {
    let (p, _) = try notedProject("digests")
    let noted = try LockFile.read(root: p.root, store: p.store)
    #expect(!noted.entries.isEmpty && noted.entries.values.allSatisfy { $0.entryTextDigest == nil })
    try LockVerification.dropAll(store: p.store)
    let unnoted = try LockFile.read(root: p.root, store: p.store)
    #expect(unnoted.entries.values.allSatisfy { $0.entryTextDigest != nil })
    #expect(unnoted.entries == noted.entries)
}
