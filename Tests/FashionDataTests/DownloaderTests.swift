import Foundation
import Hashing
import Testing
@testable import FashionData

/// Every HTTP request here goes to a server on 127.0.0.1 started by the test.
@Suite struct DownloaderTests {
    static let name = "train-labels-idx1-ubyte.gz"
    let content = fixtureLabels(count: 3000).encoded()
    var gz: [UInt8] { Deflate.compress(content) }
    var dataFile: DataFile { DataFile(name: Self.name, sha256: SHA256.hash(content).hex, size: content.count) }
    let fast = DownloadOptions(connectTimeout: 1, totalTimeout: 5, retries: 2, backoff: 0.05)

    @Test func fetchesOverHTTPAndVerifies() throws {
        let server = try TestHTTPServer(routes: ["/good/\(Self.name)": [.ok(gz)]]).start()
        defer { server.stop() }
        let dir = try makeTempDirectory()
        let destination = dir.appendingPathComponent(Self.name)
        let lines = Lines()
        let used = try Downloader.fetch(dataFile, sources: [server.base.appendingPathComponent("good")],
                                        to: destination, options: fast, progress: lines.append)
        #expect(used.absoluteString == "http://127.0.0.1:\(server.port)/good/\(Self.name)")
        #expect(try readWholeFile(destination) == gz)
        #expect(try listing(dir) == [Self.name])
        #expect(lines.all.contains { $0.hasPrefix("\(Self.name): \(gz.count) of \(gz.count) bytes (100%)") })
        #expect(lines.all.last == "\(Self.name): verified from \(used.absoluteString)")
    }

    @Test func everyBadSourceIsReportedInOneError() throws {
        var wrong = content
        wrong[100] ^= 1
        let server = try TestHTTPServer(routes: [
            "/truncated/\(Self.name)": [.truncated(gz, sent: gz.count / 2)],
            "/wrong/\(Self.name)": [.ok(Deflate.compress(wrong))],
            "/notgzip/\(Self.name)": [.ok(content)],
        ]).start()
        defer { server.stop() }
        let closed = try TestHTTPServer.closedPort()
        let dir = try makeTempDirectory()
        let destination = dir.appendingPathComponent(Self.name)
        let sources = [
            URL(string: "http://127.0.0.1:\(closed)/")!,
            server.base.appendingPathComponent("missing"),
            server.base.appendingPathComponent("truncated"),
            server.base.appendingPathComponent("wrong"),
            server.base.appendingPathComponent("notgzip"),
            URL(string: "ftp://127.0.0.1/")!,
            dir.appendingPathComponent("nowhere"),
        ]
        let started = Date()
        var caught: FashionDataError?
        do { try Downloader.fetch(dataFile, sources: sources, to: destination, options: fast) }
        catch let error as FashionDataError { caught = error }
        let elapsed = Date().timeIntervalSince(started)
        print("all-sources-fail elapsed: \(elapsed) s")
        #expect(elapsed < 5)
        guard case let .allSourcesFailed(name, failures)? = caught else { Issue.record("got \(String(describing: caught))"); return }
        #expect(name == Self.name)
        #expect(failures.map(\.source) == sources.map { $0.appendingPathComponent(Self.name).absoluteString })
        let reasons = failures.map(\.reason)
        print(caught!.description)
        #expect(reasons[0].contains("URL error"))
        #expect(reasons[1] == "HTTP 404 Not Found")
        // libcurl notices the short body first: "transfer closed with N bytes remaining".
        #expect(reasons[2].contains("\(gz.count - gz.count / 2) bytes remaining") || reasons[2] == "body ended after \(gz.count / 2) of \(gz.count) bytes")
        #expect(reasons[3] == "SHA-256 of decompressed content is \(SHA256.hash(wrong).hex), expected \(dataFile.sha256)")
        #expect(reasons[4] == "corrupt gzip data: incorrect header check")
        #expect(reasons[5] == "unsupported URL scheme 'ftp' (expected http, https or file)")
        #expect(reasons[6] == "cannot open for reading: No such file or directory")
        // The truncated body is transient: tried 1 + retries times.
        #expect(server.hitCount("/truncated/\(Self.name)") == 3)
        // A checksum mismatch is permanent: tried once.
        #expect(server.hitCount("/wrong/\(Self.name)") == 1)
        #expect(try listing(dir) == [], "no partial or temporary file may remain")
        #expect(caught!.description.hasPrefix("\(Self.name): every source failed:\n  - http://127.0.0.1:\(closed)/\(Self.name): "))
    }

    @Test func fallsBackInOrderToFileSource() throws {
        let server = try TestHTTPServer(routes: ["/wrong/\(Self.name)": [.ok(Deflate.compress([1, 2, 3]))]]).start()
        defer { server.stop() }
        let mirror = try makeTempDirectory()
        try write(gz, to: mirror.appendingPathComponent(Self.name))
        let dir = try makeTempDirectory()
        let destination = dir.appendingPathComponent(Self.name)
        let closed = try TestHTTPServer.closedPort()
        let used = try Downloader.fetch(dataFile, sources: [URL(string: "http://127.0.0.1:\(closed)/")!,
                                                            server.base.appendingPathComponent("wrong"), mirror],
                                        to: destination, options: fast)
        #expect(used == mirror.appendingPathComponent(Self.name))
        #expect(try readWholeFile(destination) == gz)
        #expect(try listing(dir) == [Self.name])
    }

    @Test func retriesTransientFailuresWithBackoff() throws {
        let server = try TestHTTPServer(routes: ["/flaky/\(Self.name)": [.status(503), .truncated(gz, sent: 10), .ok(gz)]]).start()
        defer { server.stop() }
        let dir = try makeTempDirectory()
        let lines = Lines()
        let options = DownloadOptions(connectTimeout: 1, totalTimeout: 5, retries: 2, backoff: 0.2)
        let started = Date()
        try Downloader.fetch(dataFile, sources: [server.base.appendingPathComponent("flaky")],
                             to: dir.appendingPathComponent(Self.name), options: options, progress: lines.append)
        let elapsed = Date().timeIntervalSince(started)
        #expect(server.hitCount("/flaky/\(Self.name)") == 3)
        #expect(elapsed >= 0.6, "backoff 0.2 s then 0.4 s")
        #expect(lines.all.contains { $0.contains("attempt 1") && $0.contains("HTTP 503") && $0.hasSuffix("retrying in 0.2 s") })
        #expect(try readWholeFile(dir.appendingPathComponent(Self.name)) == gz)
    }

    @Test func stalledServerHitsTheTimeBudget() throws {
        let server = try TestHTTPServer(routes: ["/stall/\(Self.name)": [.stall]]).start()
        defer { server.stop() }
        let dir = try makeTempDirectory()
        let options = DownloadOptions(connectTimeout: 0.5, totalTimeout: 1.5, retries: 0, backoff: 0.1)
        let started = Date()
        var caught: Error?
        do {
            try Downloader.fetch(dataFile, sources: [server.base.appendingPathComponent("stall")],
                                 to: dir.appendingPathComponent(Self.name), options: options)
        } catch { caught = error }
        let elapsed = Date().timeIntervalSince(started)
        print("stalled source gave up after \(elapsed) s: \(String(describing: caught))")
        #expect(elapsed < 4)
        #expect(try listing(dir) == [])
    }

    @Test func emptySourceListIsAnError() throws {
        let dir = try makeTempDirectory()
        #expect(throws: FashionDataError.allSourcesFailed(name: Self.name, failures: [SourceFailure(source: "(none)", reason: "no sources were given")])) {
            try Downloader.fetch(dataFile, sources: [], to: dir.appendingPathComponent(Self.name))
        }
    }
}
