import Foundation
import Support
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
        defer { try? FileManager.default.removeItem(at: dir) }
        let destination = dir.appendingPathComponent(Self.name)
        let lines = Lines()
        let used = try Downloader.fetch(dataFile, sources: [server.base.appendingPathComponent("good")],
                                        to: destination, options: fast, progress: lines.append)
        #expect(used.absoluteString == "http://127.0.0.1:\(server.port)/good/\(Self.name)")
        #expect(try WholeFile.read(destination) == gz)
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
        defer { try? FileManager.default.removeItem(at: dir) }
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
        var caught: FashionDataError?
        do { try Downloader.fetch(dataFile, sources: sources, to: destination, options: fast) }
        catch let error as FashionDataError { caught = error }
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
        defer { try? FileManager.default.removeItem(at: mirror) }
        try write(gz, to: mirror.appendingPathComponent(Self.name))
        let dir = try makeTempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let destination = dir.appendingPathComponent(Self.name)
        let closed = try TestHTTPServer.closedPort()
        let used = try Downloader.fetch(dataFile, sources: [URL(string: "http://127.0.0.1:\(closed)/")!,
                                                            server.base.appendingPathComponent("wrong"), mirror],
                                        to: destination, options: fast)
        #expect(used == mirror.appendingPathComponent(Self.name))
        #expect(try WholeFile.read(destination) == gz)
        #expect(try listing(dir) == [Self.name])
    }

    @Test func retriesTransientFailuresWithBackoff() throws {
        let server = try TestHTTPServer(routes: ["/flaky/\(Self.name)": [.status(503), .truncated(gz, sent: 10), .ok(gz)]]).start()
        defer { server.stop() }
        let dir = try makeTempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lines = Lines()
        let options = DownloadOptions(connectTimeout: 1, totalTimeout: 5, retries: 2, backoff: 0.2)
        try Downloader.fetch(dataFile, sources: [server.base.appendingPathComponent("flaky")],
                             to: dir.appendingPathComponent(Self.name), options: options, progress: lines.append)
        #expect(server.hitCount("/flaky/\(Self.name)") == 3)
        // The backoff doubles: 0.2 s, then 0.4 s (what is waited, not how long it took).
        let retries = lines.all.filter { $0.contains("retrying in") }
        #expect(retries.count == 2)
        #expect(retries.first.map { $0.contains("attempt 1") && $0.contains("HTTP 503") && $0.hasSuffix("retrying in 0.2 s") } == true)
        #expect(retries.last.map { $0.contains("attempt 2") && $0.hasSuffix("retrying in 0.4 s") } == true)
        #expect(try WholeFile.read(dir.appendingPathComponent(Self.name)) == gz)
    }

    /// Fetches from a server that accepts and never answers; returns the reason
    /// (which says which limit ended it: the idle timeout or the total budget).
    private func stalled(_ options: DownloadOptions) throws -> String? {
        let server = try TestHTTPServer(routes: ["/stall/\(Self.name)": [.stall]]).start()
        defer { server.stop() }
        let dir = try makeTempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var caught: FashionDataError?
        do {
            try Downloader.fetch(dataFile, sources: [server.base.appendingPathComponent("stall")],
                                 to: dir.appendingPathComponent(Self.name), options: options)
        } catch let error as FashionDataError { caught = error }
        #expect(try listing(dir) == [])
        guard case let .allSourcesFailed(_, failures)? = caught else { Issue.record("no error"); return nil }
        return failures.first?.reason
    }

    @Test func stalledServerHitsTheIdleTimeout() throws {
        let reason = try stalled(DownloadOptions(connectTimeout: 1, totalTimeout: 8, retries: 0, backoff: 0.1))
        #expect(reason == "timed out: no connection or no data for 1 s (URL error -1001)")
    }

    @Test func stalledServerHitsTheTimeBudget() throws {
        let reason = try stalled(DownloadOptions(connectTimeout: 5, totalTimeout: 1, retries: 0, backoff: 0.1))
        #expect(reason == "no complete response within the time budget of 1.0 s")
    }

    @Test func missingDestinationDirectoryIsOneError() throws {
        let dir = try makeTempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let absent = dir.appendingPathComponent("absent")
        #expect(throws: FashionDataError.io(path: absent.path, operation: "write the download into this directory", errno: ENOENT)) {
            try Downloader.fetch(dataFile, sources: [dir], to: absent.appendingPathComponent(Self.name))
        }
        #expect(FashionDataError.io(path: "/x", operation: "write the download into this directory", errno: ENOENT).description
                == "/x: cannot write the download into this directory: No such file or directory")
    }

    @Test func emptySourceListIsAnError() throws {
        let dir = try makeTempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: FashionDataError.allSourcesFailed(name: Self.name, failures: [SourceFailure(source: "(none)", reason: "no sources were given")])) {
            try Downloader.fetch(dataFile, sources: [], to: dir.appendingPathComponent(Self.name))
        }
    }
}

/// A connect that never completes: a listener whose backlog is full and which
/// never accepts, so the kernel drops further SYNs (all on 127.0.0.1).
@Suite struct ConnectTimeoutTests {
    @Test func unansweredConnectTimesOut() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { p -> Int32 in
                _ = bind(listener, p, length)
                return getsockname(listener, p, &length)
            }
        }
        #expect(listen(listener, 0) == 0)
        // Fill the accept queue with connections nobody accepts.
        var fillers: [Int32] = []
        defer { fillers.forEach { close($0) } }
        for _ in 0..<4 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
            _ = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, length) }
            }
            fillers.append(fd)
        }
        let port = UInt16(bigEndian: address.sin_port)
        let dir = try makeTempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = DataFile(name: "x.gz", sha256: String(repeating: "0", count: 64))
        let options = DownloadOptions(connectTimeout: 1, totalTimeout: 10, retries: 0, backoff: 0.1)
        var caught: FashionDataError?
        do { try Downloader.fetch(file, sources: [URL(string: "http://127.0.0.1:\(port)/")!], to: dir.appendingPathComponent("x.gz"), options: options) }
        catch let error as FashionDataError { caught = error }
        guard case let .allSourcesFailed(_, failures)? = caught else { Issue.record("no error"); return }
        // The 1 s connect timeout, not the 10 s budget, ended it: the reason says which.
        #expect(failures.first?.reason == "timed out: no connection or no data for 1 s (URL error -1001)")
        #expect(try listing(dir) == [])
    }
}
