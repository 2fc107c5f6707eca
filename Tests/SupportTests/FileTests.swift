import Foundation
import Testing
import Support

/// AtomicFile, WholeFile, writeAll, FileSync: every failure is a
/// `SystemCallError` naming the path and the call.
@Suite struct FileTests {
    let dir: URL

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("support-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() }

    @Test func atomicWriteReplacesTheFileAndLeavesNoTemporary() throws {
        let url = dir.appendingPathComponent("sub/a.json")
        try AtomicFile.write(Data("one".utf8), to: url)
        try AtomicFile.write([UInt8]("two".utf8), to: url, mode: 0o600)
        #expect(try WholeFile.read(url) == Array("two".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("sub").path) == ["a.json"])
        var st = stat()
        #expect(stat(url.path, &st) == 0 && st.st_mode & 0o777 == 0o600)
    }

    @Test func anUncommittedFileLeavesTheDestinationAlone() throws {
        let url = dir.appendingPathComponent("b.bin")
        try AtomicFile.write(Data("old".utf8), to: url)
        do {
            let file = try AtomicFile(destination: url)
            try file.write(Data("new, never committed".utf8))
            #expect(file.temporaryPath.hasPrefix(dir.path + "/.tmp-b.bin-\(getpid())-"))
            #expect(try names() == [".tmp-b.bin-\(getpid())-" + file.temporaryPath.suffix(8), "b.bin"])
            try file.reset()
            try file.write(Data("again".utf8))
        }  // dropped without commit
        #expect(try names() == ["b.bin"])
        #expect(try WholeFile.read(url) == Array("old".utf8))
    }

    @Test func aMissingFolderIsOneErrorNamingTheFile() throws {
        let url = dir.appendingPathComponent("absent/c.txt")
        let error = try #require(throws: SystemCallError.self) { try AtomicFile(destination: url) }
        #expect(error.operation == "create" && error.code == ENOENT)
        #expect(error.description.hasPrefix(dir.path + "/absent/.tmp-c.txt-"))
        #expect(error.description.hasSuffix(": cannot create: No such file or directory"))
    }

    @Test func wholeFileReadsToTheEndAndNamesFailures() throws {
        let url = dir.appendingPathComponent("d.bin")
        let bytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(bytes).write(to: url)
        #expect(try WholeFile.read(url) == bytes)
        try Data().write(to: url)
        #expect(try WholeFile.read(url) == [])
        // /proc files say size 0 and have content: read on past the stat size.
        #expect(try String(decoding: WholeFile.read("/proc/self/status"), as: UTF8.self).hasPrefix("Name:"))
        #expect(throws: SystemCallError(path: dir.path + "/none", operation: "open for reading", code: ENOENT)) {
            try WholeFile.read(dir.path + "/none")
        }
        #expect(throws: SystemCallError(path: dir.path, operation: "read", code: EISDIR)) { try WholeFile.read(dir.path) }
    }

    @Test func writeAllWritesEveryByteThroughShortWrites() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let bytes = (0..<1_000_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }  // far more than a pipe holds: short writes
        let readEnd = fds[0]
        let reader = Thread.detachNewThreadWithResult { () -> [UInt8] in
            var got: [UInt8] = [], chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = chunk.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
                if n <= 0 { return got }
                got += chunk[0..<n]
            }
        }
        try writeAll(fds[1], bytes, path: "pipe")
        close(fds[1])
        #expect(reader.wait() == bytes)
        close(fds[0])
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func writeAllReportsTheFailure() throws {
        let fd = open("/dev/full", O_WRONLY)
        defer { close(fd) }
        #expect(throws: SystemCallError(path: "full", operation: "write", code: ENOSPC)) { try writeAll(fd, [UInt8](repeating: 1, count: 10), path: "full") }
    }

    @Test func syncOfAMissingPathIsAnError() {
        #expect(throws: SystemCallError(path: dir.path + "/x", operation: "open to fsync", code: ENOENT)) { try FileSync.file(dir.path + "/x") }
        #expect(throws: Never.self) { try FileSync.directory(dir.path) }
    }
}

extension Thread {
    /// A detached thread running `body`; `wait()` returns its result.
    final class Result<T>: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var value: T?
        func set(_ v: T) { value = v; done.signal() }
        func wait() -> T { done.wait(); return value! }
    }

    static func detachNewThreadWithResult<T>(_ body: @escaping @Sendable () -> T) -> Result<T> {
        let r = Result<T>()
        Thread.detachNewThread { r.set(body()) }
        return r
    }
}

extension FileTests {
    /// FileComparison: true only for exactly the same bytes, however the pieces are cut.
    @Test func fileComparisonMatchesExactlyTheSameBytes() throws {
        let url = dir.appendingPathComponent("c.txt")
        let content = [UInt8]((0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try AtomicFile.write(content, to: url)
        func compare(_ pieces: [[UInt8]]) -> Bool {
            let c = FileComparison(path: url.path)
            for p in pieces { c.feed(p) }
            return c.matches
        }
        #expect(compare([content]))
        #expect(compare([Array(content[..<1]), Array(content[1..<65_536]), [], Array(content[65_536...])]))
        var changed = content; changed[69_999] ^= 1  // same size, last byte differs
        #expect(!compare([changed]))
        #expect(!compare([Array(content.dropLast())]))  // a prefix
        #expect(!compare([content, [0]]))  // longer
        let missing = FileComparison(path: dir.appendingPathComponent("none").path)
        #expect(missing.hasDiffered && !missing.matches)
        let c = FileComparison(path: url.path)
        c.feed([content[0] ^ 1])
        #expect(c.hasDiffered)
        c.feed(Array(content[1...]))  // not compared any more
        #expect(!c.matches)
    }
}

extension FileTests {
    /// readIfPresent: nil only for a missing file; every other failure is still an error naming the path.
    @Test func readIfPresentIsNilOnlyForAMissingFile() throws {
        let url = dir.appendingPathComponent("p.txt")
        #expect(try WholeFile.readIfPresent(url.path) == nil)
        try AtomicFile.write(Data("here".utf8), to: url)
        #expect(try WholeFile.readIfPresent(url.path) == Array("here".utf8))
        #expect(throws: SystemCallError(path: dir.path, operation: "read", code: EISDIR)) { try WholeFile.readIfPresent(dir.path) }
        let below = url.appendingPathComponent("x").path  // a path through a file: ENOTDIR, not "missing"
        #expect(throws: SystemCallError(path: below, operation: "open for reading", code: ENOTDIR)) { try WholeFile.readIfPresent(below) }
    }
}
