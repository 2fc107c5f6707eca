import Testing
import Foundation
@testable import Workflow

private func record(hash: String = "h1", host: String = "node1", params: JSONValue = .object([("text", .string("a\"b"))])) -> RunRecord {
    RunRecord(key: "k1", stage: "s", kind: "emit", version: 1, params: params, inputs: ["d": ["x.txt": "hx"]],
              outputs: ["a.txt": OutputFile(hash: hash, size: 3)], started: "2026-12-01T10:00:00Z", seconds: 0.25,
              tool: "pipeline 0.1.0", host: host)
}

/// The record's text as the store writes it, and its entry's text as the lock file nests it.
private func texts(_ r: RunRecord, entry e: RunRecord? = nil) -> (record: [UInt8], entry: ArraySlice<UInt8>) {
    let recordText = [UInt8](CanonicalJSON.data(r.json(), pretty: true))
    var nested: [UInt8] = []
    CanonicalJSON.append((e ?? r).results.json(.results), to: &nested, pretty: true, indent: 2)
    return (recordText, nested[...])
}

@Test func aRecordMatchesItsLockEntryAndGivesItsFacts() throws {
    let (recordText, entryText) = texts(record())
    let read = try #require(RecordText.results(record: recordText))
    #expect(read.digest == RecordText.resultsDigest(entry: entryText))
    #expect(read.facts == .init(started: "2026-12-01T10:00:00Z", seconds: 0.25, host: "node1"))
}

@Test func aRecordWithOtherResultsDoesNotMatch() throws {
    // Another output hash, another param, another key: each changes the digest.
    let r = record()
    var otherKey = r; otherKey.key = "k2"
    for other in [record(hash: "h2"), record(params: .object([("text", .string("ab"))])), otherKey] {
        let (recordText, _) = texts(other)
        let (_, entryText) = texts(r)
        #expect(try #require(RecordText.results(record: recordText)).digest != RecordText.resultsDigest(entry: entryText))
    }
}

@Test func factsWithEscapesAndNestedFactNamesAreRead() throws {
    // A host with a quote and a param called "host" deeper down: only the top-level facts are taken out.
    let r = record(host: "a\"b", params: .object([("host", .string("inner")), ("seconds", .int(3))]))
    let (recordText, entryText) = texts(r)
    let read = try #require(RecordText.results(record: recordText))
    #expect(read.facts.host == "a\"b")
    #expect(read.digest == RecordText.resultsDigest(entry: entryText))
}

@Test func aRecordWithoutItsFactsOrInAnotherLayoutIsNotRead() {
    let r = record()
    #expect(RecordText.results(record: [UInt8](CanonicalJSON.data(r.json(.results), pretty: true))) == nil)  // no facts
    #expect(RecordText.results(record: [UInt8](CanonicalJSON.data(r.json(), pretty: false))) == nil)  // one line
    #expect(RecordText.results(record: []) == nil)
}

/// The store's record is the authority: a lock entry edited to name other
/// outputs (a bad merge, say) is not believed, and the run puts the record's
/// results back into the lock file.
@Test func anEditedLockEntryIsNotTrusted() throws {
    let p = try Project()
    let text = chain("trust")
    try p.run(text)
    let lockBytes = try Data(contentsOf: LockFile.url(root: p.root))
    var lock = try p.lock()
    let right = try #require(lock.entries["etrust@1"])
    let other = try #require(lock.entries["etrust@2"])
    var edited = right
    edited.outputs = other.outputs  // objects that exist, with the right sizes
    lock.entries["etrust@1"] = edited
    try lock.write(root: p.root)

    let planner = Planner(pipeline: try p.load(text), store: p.store, lock: try p.lock())
    let e = try #require(planner.evaluateAll().first { $0.name == "etrust@1" })
    #expect(e.record?.outputs == right.outputs)
    #expect(e.record?.started.isEmpty == false)  // the record's own facts

    let second = try p.run(text)
    #expect(second.ran == 0)
    #expect(try Data(contentsOf: LockFile.url(root: p.root)) == lockBytes)
}

/// Taken from the lock entry or parsed from the record, a cached stage's record is the same.
@Test func theTextPathAndTheParsedPathGiveTheSameRecords() throws {
    let p = try Project()
    let text = chain("paths")
    try p.run(text)
    let pipeline = try p.load(text)
    let withLock = Planner(pipeline: pipeline, store: p.store, lock: try p.lock()).evaluateAll()
    let withoutLock = Planner(pipeline: pipeline, store: p.store, lock: LockFile(entries: [:])).evaluateAll()
    #expect(withLock.map(\.name) == withoutLock.map(\.name))
    #expect(withLock.map(\.record) == withoutLock.map(\.record))
    #expect(withLock.allSatisfy { $0.record != nil })
}

/// A lock file read long after it was written is known unchanged by its stat;
/// rewritten in place with bytes of the same size, it is not.
@Test func aSettledLockFileIsCurrentByItsStatAndAnEditIsSeen() throws {
    let p = try Project()
    try p.run(chain("settled"))
    let url = LockFile.url(root: p.root)
    let fresh = try p.lock()
    #expect(fresh.onDisk?.signature == nil)  // written a moment ago: its stat may not tell a second write apart
    #expect(fresh.isCurrent(root: p.root))
    var times = [timespec(tv_sec: time(nil) - 10, tv_nsec: 0), timespec(tv_sec: time(nil) - 10, tv_nsec: 0)]
    #expect(utimensat(AT_FDCWD, url.path, &times, 0) == 0)
    let settled = try p.lock()
    #expect(settled.onDisk?.signature != nil)
    #expect(settled.isCurrent(root: p.root))
    var bytes = try Data(contentsOf: url)
    let i = try #require(bytes.firstIndex(of: UInt8(ascii: "a")))
    bytes[i] = UInt8(ascii: "b")
    let handle = try FileHandle(forWritingTo: url)  // in place: same inode, same size
    try handle.write(contentsOf: bytes)
    try handle.close()
    #expect(!settled.isCurrent(root: p.root))
}
