import Foundation
import Testing

/// Bad dataset files through the real executable: `pipeline run decompress`
/// exits 1 with one error line naming the file, and publishes nothing for the
/// failing stage (no run record, no object, no workspace output, no lock entry).
@Suite struct StudyBadDataTests {
    static let name = "t10k-labels-idx1-ubyte.gz"
    static let debian = URL(fileURLWithPath: "/usr/share/datasets/fashion-mnist/\(name)")
    /// SHA-256 and size of the decompressed Debian file (the IDX labels of the test set).
    static let sha256 = "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"
    static let size = 10008

    /// download (of the one file, from `sources` in order) -> decompress;
    /// download's files are also published to the workspace folder `data`.
    static func pipeline(sources: [URL], sha256: String = sha256) -> String {
        """
        {"version": 1, "stages": {
          "download": {"kind": "download", "params": {"sources": [\(sources.map { "\"\($0.absoluteString)\"" }.joined(separator: ", "))],
            "files": [{"name": "\(name)", "size": \(size), "sha256": "\(sha256)"}],
            "connectTimeoutSeconds": 3, "retries": 0}},
          "decompress": {"kind": "decompress", "deps": ["download"], "params": {}}},
         "outputs": [{"stage": "download", "path": "data"}]}
        """
    }

    /// A source folder holding `bytes` under the file's name.
    static func source(_ bytes: Data) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bad-source-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try bytes.write(to: dir.appendingPathComponent(name))
        return dir
    }

    /// Runs `decompress`, checks exit code 1, one error line, nothing
    /// published; returns the error line with the source folder as `SRC`.
    func failedRun(source: URL, before: [URL] = [], sha256: String = Self.sha256) throws -> String {
        let cli = try CLI(pipeline: Self.pipeline(sources: before + [source], sha256: sha256))
        defer { cli.remove(); for dir in [source] + before { try? FileManager.default.removeItem(at: dir) } }
        let r = try cli.run("run", "decompress", "--cache-dir", CLI.store)
        #expect(r.code == 1)
        // One error line, then the engine's note that the dependent was skipped.
        let err = r.stderr.split(separator: "\n").map(String.init)
        #expect(err.count == 2, "stderr: \(r.stderr)")
        #expect(err.last == "skip decompress (upstream 'download' failed)")
        #expect(normalized(r.stdout) == "run  download (never run)\n0 ran, 0 cached, 1 failed in Ns\n")
        #expect(cli.files(under: "\(CLI.store)/runs") == [])
        #expect(cli.files(under: "\(CLI.store)/objects") == [])
        #expect(cli.files(under: "data") == [])
        #expect(cli.read("pipeline.lock.json").map { !$0.contains("\"download\"") } ?? true)
        let status = try cli.run("status", "--cache-dir", CLI.store)
        #expect(status.stdout.contains("stale       download (never run; last run failed at "), "status: \(status.stdout)")
        var line = err.first ?? ""
        for (i, other) in before.enumerated() { line = line.replacingOccurrences(of: other.path, with: "SRC\(i)") }
        return line.replacingOccurrences(of: source.path, with: "SRC")
    }

    let prefix = "error: stage 'download' failed: \(Self.name): no source gave verified content: "

    @Test func truncatedGzip() throws {
        let good = try Data(contentsOf: Self.debian)
        let line = try failedRun(source: Self.source(good.prefix(good.count / 2)))
        print("truncated: \(line)")
        #expect(line == "\(prefix)file://SRC/\(Self.name): truncated gzip stream (ended after 4921 bytes of output)")
    }

    @Test func corruptGzip() throws {
        var bytes = try Data(contentsOf: Self.debian)
        // Overwrite the middle of the deflate stream; header and trailer stay intact.
        for i in (bytes.count / 2)..<(bytes.count / 2 + 64) { bytes[i] = 0xFF }
        let line = try failedRun(source: Self.source(bytes))
        print("corrupt: \(line)")
        #expect(line == "\(prefix)file://SRC/\(Self.name): corrupt gzip data: incorrect data check")
    }

    @Test func wrongChecksum() throws {
        let wrong = String(repeating: "ab", count: 32)
        let line = try failedRun(source: Self.source(Data(contentsOf: Self.debian)), sha256: wrong)
        print("checksum: \(line)")
        #expect(line == "\(prefix)file://SRC/\(Self.name): SHA-256 of decompressed content is \(Self.sha256), expected \(wrong)")
    }

    /// Every source's failure is on the one line, in the order tried.
    @Test func everySourceOnOneLine() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-source-\(UUID().uuidString)")
        let good = try Data(contentsOf: Self.debian)
        let line = try failedRun(source: Self.source(good.prefix(good.count / 2)), before: [missing])
        print("two sources: \(line)")
        #expect(line == "\(prefix)file://SRC0/\(Self.name): cannot open for reading: No such file or directory; "
            + "file://SRC/\(Self.name): truncated gzip stream (ended after 4921 bytes of output)")
    }
}
