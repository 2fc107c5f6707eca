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
