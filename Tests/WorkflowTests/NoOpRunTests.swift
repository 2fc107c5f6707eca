import Testing
import Foundation
@testable import Workflow

/// A chain whose concat result is copied to the workspace.
private func withOutputs(_ tag: String) -> String {
    chain(tag).replacingOccurrences(of: "\n}}", with: "\n},\n\"outputs\": [{\"stage\": \"c\(tag)\", \"path\": \"out\"}]}")
}

/// (inode, mtime in ns) of a file, or nil when absent.
private func signature(_ url: URL) -> [Int]? {
    var st = stat()
    guard stat(url.path, &st) == 0 else { return nil }
    return [Int(st.st_ino), Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec)]
}

@Test func noOpRunWritesNothingAndTakesNoMetaLock() throws {
    let p = try Project()
    let text = withOutputs("noop")
    try p.run(text)
    let files = [LockFile.url(root: p.root), p.store.root.appendingPathComponent("statcache.json"),
                 p.store.root.appendingPathComponent("meta.lock"), p.root.appendingPathComponent("out/all.txt")]
    let before = files.map(signature)
    #expect(before.allSatisfy { $0 != nil })
    usleep(20_000)  // so any rewrite would show in the mtimes
    let second = try p.run(text)
    #expect(second.ran == 0 && second.cached == 4 && second.restored == 0)
    // meta.lock's note is written on every acquisition: an unchanged mtime means it was not taken.
    #expect(files.map(signature) == before)
}

@Test func runStillRepairsWhatANoOpRunWouldSkip() throws {
    let p = try Project()
    let text = withOutputs("repair")
    try p.run(text)
    let lockBytes = try Data(contentsOf: LockFile.url(root: p.root))
    let out = p.root.appendingPathComponent("out/all.txt")
    let outBytes = try Data(contentsOf: out)

    // A deleted workspace output is copied back.
    try FileManager.default.removeItem(at: out)
    #expect(try p.run(text).restored == 1)
    #expect(try Data(contentsOf: out) == outBytes)

    // A deleted lock file is written again, with the same bytes.
    try FileManager.default.removeItem(at: LockFile.url(root: p.root))
    try p.run(text)
    #expect(try Data(contentsOf: LockFile.url(root: p.root)) == lockBytes)

    // An entry for a stage no longer in the pipeline is dropped.
    var lock = try p.lock()
    lock.entries["gone"] = lock.entries["crepair"]
    try lock.write(root: p.root)
    try p.run(text)
    #expect(try p.lock().entries["gone"] == nil)
    #expect(try Data(contentsOf: LockFile.url(root: p.root)) == lockBytes)

    // A touched workspace output is re-hashed once and its new stat signature saved.
    let cache = p.store.root.appendingPathComponent("statcache.json")
    let cached = try Data(contentsOf: cache)
    usleep(20_000)
    try outBytes.write(to: out)
    #expect(try p.run(text).restored == 0)
    #expect(try Data(contentsOf: cache) != cached)
}

@Test func lockFileEntriesCompareWithoutHostOrTimes() throws {
    let r = RunRecord(key: "k", stage: "s", kind: "emit", version: 1, params: .object([]), inputs: [:],
                      outputs: ["a": OutputFile(hash: "h", size: 1)], started: "t", seconds: 0.5, tool: "x", host: "node1")
    var other = r; other.host = ""; other.seconds = 0.25; other.started = "u"
    #expect(LockFile(entries: ["s": r]).hasSameEntries(as: LockFile(entries: ["s": other])))
    #expect(LockFile(entries: ["s": r]).data() == LockFile(entries: ["s": other]).data())
    var changed = other; changed.outputs["a"] = OutputFile(hash: "h2", size: 1)
    #expect(!LockFile(entries: ["s": r]).hasSameEntries(as: LockFile(entries: ["s": changed])))
    #expect(!LockFile(entries: ["s": r]).hasSameEntries(as: LockFile(entries: ["s": other, "t": other])))
    // No wall-clock value reaches the file.
    let text = String(decoding: LockFile(entries: ["s": r]).data(), as: UTF8.self)
    #expect(!text.contains("started") && !text.contains("seconds") && !text.contains("node1"))
}

/// A record with `n` outputs and the given facts, for the lock-file tests below.
private func record(_ stage: String, outputs: [String], started: String = "2026-01-01T00:00:00Z", seconds: Double = 1.5) -> RunRecord {
    var outs: [String: OutputFile] = [:]
    for (i, o) in outputs.enumerated() { outs[o] = OutputFile(hash: String(repeating: "ab", count: 31) + String(format: "%02x", i), size: i) }
    return RunRecord(key: "key-\(stage)", stage: stage, kind: "emit", version: 1,
                     params: .object([("text", .string("\"quoted\"\n\(stage)")), ("n", .int(3))]), inputs: ["dep": ["f": "h"]],
                     outputs: outs, started: started, seconds: seconds, tool: "pipeline test", host: "node1")
}

/// The lock file is encoded one entry at a time; its bytes must be exactly the
/// canonical JSON of the whole document (the golden lock-file test checks a real one).
@Test func streamedLockFileBytesAreTheCanonicalDocument() throws {
    var entries: [String: RunRecord] = [:]
    // Enough entries to cross several 64 KB pieces; names whose byte order differs from other orders.
    for i in 0..<700 { entries["s@\(i)"] = record("s@\(i)", outputs: ["a.txt", "t.json"]) }
    for name in ["B", "a", "é", "a-b", "a@b", "Z\u{1F600}"] { entries[name] = record(name, outputs: ["x"]) }
    let lock = LockFile(entries: entries, volatile: ["s@3": ["t.json"], "a": ["x"]])
    let tree: JSONValue = .object([
        ("version", .int(2)),
        ("stages", .object(entries.map { ($0.key, lock.kept($0.key, $0.value).json(.results)) })),
    ])
    let expected = CanonicalJSON.data(tree, pretty: true)
    #expect(expected.count > 4 * 65_536)
    #expect(lock.data() == expected)
    #expect(LockFile(entries: [:]).data() == CanonicalJSON.data(.object([("version", .int(2)), ("stages", .object([]))]), pretty: true))

    // write: compares piece by piece, writes only on a change, and what it writes is `data()`.
    let p = try Project()
    #expect(try lock.write(root: p.root))
    #expect(try Data(contentsOf: LockFile.url(root: p.root)) == expected)
    #expect(try !lock.write(root: p.root))
    var changed = lock
    changed.entries["s@699"]?.outputs["a.txt"] = OutputFile(hash: String(repeating: "cd", count: 32), size: 0)
    #expect(try changed.write(root: p.root))
    #expect(try Data(contentsOf: LockFile.url(root: p.root)) == changed.data())

    // Read back entry by entry: the same entries (results only, volatile outputs gone).
    // (Compared as canonical text: params come back with their members sorted.)
    let read = try p.lock()
    func text(_ r: RunRecord?) -> String? { r.map { CanonicalJSON.string($0.json(.results)) } }
    #expect(read.entries.count == entries.count)
    #expect(text(read.entries["s@699"]) == text(changed.kept("s@699", changed.entries["s@699"]!)))
    #expect(read.entries["s@3"]?.outputs.keys.sorted() == ["a.txt"] && text(read.entries["é"]) == text(lock.kept("é", entries["é"]!)))
}

/// A lock file remembers what it was read from by size and digest, not bytes:
/// a rewrite of the same size is still a change.
@Test func lockFileNoticesASameSizeRewrite() throws {
    let p = try Project()
    try LockFile(entries: ["s": record("s", outputs: ["a"])]).write(root: p.root)
    let read = try p.lock()
    let url = LockFile.url(root: p.root)
    let size = try WholeFile.read(url).count
    #expect(read.onDisk?.size == size)
    #expect(read.isCurrent(root: p.root))
    var bytes = try WholeFile.read(url)
    let i = bytes.lastIndex(of: UInt8(ascii: "1"))!  // "version": 1 of the entry, say
    bytes[i] = UInt8(ascii: "2")
    try AtomicFile.write(bytes, to: url)
    #expect(!read.isCurrent(root: p.root))
    try FileManager.default.removeItem(at: url)
    #expect(!read.isCurrent(root: p.root))
    #expect(LockFile(entries: [:]).isCurrent(root: p.root))  // never read, still absent
    // A damaged entry is named.
    try AtomicFile.write(Data(#"{"stages": {"ok": 1}, "version": 2}"#.utf8), to: url)
    #expect(throws: PipelineError.self) { try p.lock() }
    do { _ = try p.lock() } catch { #expect("\(error)".contains("stages.ok: malformed entry")) }
}

/// A cached stage's record, as a no-op run and `status` see it, shares the lock
/// file entry's storage but keeps the run record's own times and host.
@Test func cachedRecordsKeepTheirTimesWhenSharingTheLockEntry() throws {
    let p = try Project()
    try p.run(chain("share"))
    let pipeline = try p.load(chain("share"))
    let lock = try p.lock()
    let evaluations = Planner(pipeline: pipeline, store: p.store, lock: lock).evaluateAll()
    #expect(evaluations.count == 4)
    for e in evaluations {
        let r = try #require(e.record)
        let stored = try #require(p.store.record(r.key))
        #expect(r == stored)  // every field, times and host included
        #expect(!r.started.isEmpty && !r.host.isEmpty)
        #expect(lock.entries[e.name] == stored.results)
    }
}

/// Records share their fields until one copy changes (copy on write).
@Test func runRecordCopiesAreIndependentValues() {
    let a = record("s", outputs: ["x"])
    var b = a
    b.outputs["y"] = OutputFile(hash: "h", size: 1); b.started = "later"
    #expect(a.outputs.keys.sorted() == ["x"] && a.started == "2026-01-01T00:00:00Z")
    #expect(b.outputs.keys.sorted() == ["x", "y"] && b.started == "later" && a != b)
    var c = b; c.outputs["y"] = nil; c.started = a.started
    #expect(c == a)
    #expect(a.results.started.isEmpty && a.results.host.isEmpty && a.results.seconds == 0 && a.started == "2026-01-01T00:00:00Z")
}
