import Testing
import Foundation
@testable import Workflow

// flock-based locks: store-wide (gc.lock), per-key claims, staging ownership, lock-file merge.

private func tempStore() throws -> Store {
    let s = Store(root: FileManager.default.temporaryDirectory.appendingPathComponent("lk-\(UUID().uuidString)"))
    try s.createLayout()
    return s
}

/// The pid of a process that has exited and been reaped.
private func deadPid() throws -> Int {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/true")
    try p.run()
    p.waitUntilExit()
    return Int(p.processIdentifier)
}

@Test func fileLockModesConflictAsFlockDoes() throws {
    let path = try tempStore().root.appendingPathComponent("x.lock").path
    let a = FileLock(path: path), b = FileLock(path: path), c = FileLock(path: path)
    #expect(try a.tryLock(.shared))
    #expect(try b.tryLock(.shared))       // readers share
    #expect(try !c.tryLock(.exclusive))   // a writer waits for them
    a.release(); b.release()
    #expect(try c.tryLock(.exclusive))
    #expect(try !a.tryLock(.shared))      // and readers wait for the writer, even in one process
    c.release()
    #expect(try a.tryLock(.shared))
}

@Test func claimNamesItsHolderAndIsGoneAfterRelease() throws {
    let store = try tempStore()
    let mine = StageClaim(store: store, key: "k1", stage: "train@1")
    let other = StageClaim(store: store, key: "k1", stage: "train@1")
    #expect(try mine.tryAcquire())
    #expect(try !other.tryAcquire())
    let note = try #require(other.holderNote())
    #expect(note["pid"]?.intValue == Int(getpid()))
    #expect(note["stage"]?.stringValue == "train@1")
    #expect(try StageClaim(store: store, key: "k2", stage: "b").tryAcquire())  // other keys are independent
    mine.release()
    #expect(!FileManager.default.fileExists(atPath: store.claims.appendingPathComponent("k1.lock").path))
    #expect(try other.tryAcquire())
}

@Test func releasedClaimIsRecreatedNotReused() throws {
    let store = try tempStore()
    let path = store.claims.appendingPathComponent("k.lock").path
    let holder = StageClaim(store: store, key: "k", stage: "s")
    #expect(try holder.tryAcquire())
    // A waiter that opened the old file before the holder unlinked it must not
    // end up holding a lock on a file nobody else can see.
    let stale = FileLock(path: path)
    let fd = open(path, O_RDWR)
    holder.release()
    let fresh = StageClaim(store: store, key: "k", stage: "s")
    #expect(try fresh.tryAcquire())
    #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)   // the unlinked inode is free…
    #expect(try !stale.tryLock(.exclusive, removable: true))  // …but the path's file is held
    close(fd)
}

@Test func stagingOwnerRoundTripsHostsWithDashes() {
    let o = StagingOwner(host: "node-07-a", pid: 4242)
    let name = o.folderName(label: "0123456789ab", id: "DEADBEEF")
    #expect(name == "0123456789ab-node-07-a-4242-DEADBEEF")
    #expect(StagingOwner(folderName: name) == o)
    #expect(StagingOwner(folderName: "0123456789ab-4242-DEADBEEF") == nil)  // the layout without a host
    #expect(StagingOwner(folderName: "junk") == nil)
}

@Test func cleanStagingRemovesOnlyDeadOwnersLeftovers() throws {
    let store = try tempStore()
    let host = ProcessInfo.processInfo.hostName
    let fm = FileManager.default
    func folder(_ name: String, age: TimeInterval = 0) throws -> String {
        let path = store.tmp.appendingPathComponent(name).path
        try fm.createDirectory(atPath: path, withIntermediateDirectories: true)
        if age > 0 { try fm.setAttributes([.modificationDate: Date().addingTimeInterval(-age)], ofItemAtPath: path) }
        return name
    }
    let live = try store.makeStaging("aaaaaaaaaaaa").lastPathComponent
    let dead = try folder(StagingOwner(host: host, pid: try deadPid()).folderName(label: "bbbbbbbbbbbb", id: "00000001"))
    let foreignNew = try folder(StagingOwner(host: "elsewhere", pid: 1).folderName(label: "cccccccccccc", id: "00000002"))
    let foreignOld = try folder(StagingOwner(host: "elsewhere", pid: 1).folderName(label: "dddddddddddd", id: "00000003"), age: 2 * 86_400)
    let unnamedOld = try folder("leftover", age: 2 * 86_400)
    _ = (dead, foreignOld, unnamedOld)
    store.cleanStaging()
    #expect(try fm.contentsOfDirectory(atPath: store.tmp.path).sorted() == [live, foreignNew].sorted())
}

@Test func exclusiveStoreLockMakesARunWaitAndNamesItsHolder() throws {
    let store = try tempStore()
    let gc = StoreLock(store: store, mode: .exclusive)
    try gc.acquire { Issue.record("unexpected wait: \($0)") }
    let run = StoreLock(store: store, mode: .shared)
    #expect(throws: EngineError.self) { try run.acquire(wait: false) { _ in } }
    var messages: [String] = []
    var polls = 0
    #expect(throws: FileLock.Interrupted.self) {
        try run.acquire(interrupted: { polls += 1; return polls > 3 }) { messages.append($0) }
    }
    #expect(messages.count == 1)
    #expect(messages.first?.contains("held by pid \(getpid()) on \(ProcessInfo.processInfo.hostName) since") == true)
    gc.release()
    try run.acquire { Issue.record("unexpected wait: \($0)") }
    let second = StoreLock(store: store, mode: .shared)
    try second.acquire { Issue.record("runs must share the store: \($0)") }
}

@Test func concurrentRunsOnDifferentTargetsMergeTheLockFile() throws {
    let p = try Project()
    let text = #"""
    {"version": 1, "stages": {
      "m1": {"kind": "emit", "params": {"text": "one"}},
      "m2": {"kind": "emit", "params": {"text": "two"}},
      "slow1": {"kind": "concat", "deps": ["m1"], "params": {"sleepMs": 300}},
      "slow2": {"kind": "concat", "deps": ["m2"], "params": {"sleepMs": 300}}
    }}
    """#
    let group = DispatchGroup()
    let results = ResultBox()
    for target in ["slow1", "slow2"] {
        group.enter()
        Thread.detachNewThread { results.add(Result { try p.run(text, targets: [target]) }); group.leave() }
    }
    group.wait()
    for r in results.all { #expect(try r.get().ran == 2) }
    // Both runs started from an empty lock file; each merged its entries under the meta lock.
    #expect(try p.lock().entries.keys.sorted() == ["m1", "m2", "slow1", "slow2"])
}
