import Foundation

/// A tiny HTTP/1.1 server for tests, on 127.0.0.1 with an ephemeral port.
///
/// It serves canned responses by path, one connection at a time on a
/// background thread, and stops itself after `lifetime` seconds or on
/// `stop()`. Each route is a list of responses used in turn (the last one
/// repeats), so a test can script "fail once, then succeed".
final class TestHTTPServer: @unchecked Sendable {
    enum Response: Sendable {
        /// 200 with this body.
        case ok([UInt8])
        /// 200 announcing the whole body's length but closing after `sent` bytes.
        case truncated([UInt8], sent: Int)
        /// This status with a short text body.
        case status(Int)
        /// Accepts the request and never answers (until the server stops).
        case stall
    }

    let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var routes: [String: [Response]]
    private var hits: [String: Int] = [:]
    private var stopped = false
    private var stalled: [Int32] = []
    private let finished = DispatchSemaphore(value: 0)
    private var deadline = Date()
    private var started = false

    init(routes: [String: [Response]], lifetime: Double = 30) throws {
        self.routes = routes
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError("socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else { close(fd); throw ServerError("bind/listen: errno \(errno)") }
        listener = fd
        port = try TestHTTPServer.localPort(of: fd)
        self.deadline = Date(timeIntervalSinceNow: lifetime)
    }

    /// Starts the accept loop on a background thread; returns self for chaining.
    func start() -> TestHTTPServer {
        lock.withLock { started = true }
        let thread = Thread { [self] in serve(until: deadline) }
        thread.start()
        return self
    }

    /// Base URL of this server.
    var base: URL { URL(string: "http://127.0.0.1:\(port)/")! }

    /// How many requests `path` has received.
    func hitCount(_ path: String) -> Int { lock.withLock { hits[path, default: 0] } }

    func stop() {
        let wasRunning = lock.withLock { () -> Bool in let r = started && !stopped; stopped = true; return r }
        if wasRunning { finished.wait() }
    }

    deinit { stop() }

    /// A port on 127.0.0.1 that nothing listens on: bound, then closed.
    static func closedPort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        defer { close(fd) }
        return try localPort(of: fd)
    }

    private static func localPort(of fd: Int32) throws -> UInt16 {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard ok == 0 else { throw ServerError("getsockname: errno \(errno)") }
        return UInt16(bigEndian: address.sin_port)
    }

    private func serve(until deadline: Date) {
        defer {
            lock.withLock { stalled.forEach { close($0) }; stalled = []; stopped = true }
            close(listener)
            finished.signal()
        }
        while Date() < deadline, !lock.withLock({ stopped }) {
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            handle(client)
        }
    }

    private func handle(_ client: Int32) {
        guard let path = readRequestPath(client) else { close(client); return }
        let response: Response = lock.withLock {
            let n = hits[path, default: 0]
            hits[path] = n + 1
            guard let list = routes[path], !list.isEmpty else { return .status(404) }
            return list[min(n, list.count - 1)]
        }
        switch response {
        case .ok(let body):
            send(client, header(200, "OK", length: body.count) + body)
        case .truncated(let body, let sent):
            send(client, header(200, "OK", length: body.count) + body.prefix(sent))
        case .status(let code):
            let body = Array("status \(code)\n".utf8)
            send(client, header(code, code == 404 ? "Not Found" : "Error", length: body.count) + body)
        case .stall:
            lock.withLock { stalled.append(client) }
            return
        }
        close(client)
    }

    private func header(_ code: Int, _ text: String, length: Int) -> [UInt8] {
        Array("HTTP/1.1 \(code) \(text)\r\nContent-Length: \(length)\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n".utf8)
    }

    /// Reads up to the blank line ending the request head; returns the path.
    private func readRequestPath(_ client: Int32) -> String? {
        var head: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while head.count < 65536 {
            var poller = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 2000) > 0 else { return nil }
            let n = recv(client, &buffer, buffer.count, 0)
            guard n > 0 else { return nil }
            head += buffer[0..<n]
            if let text = String(bytes: head, encoding: .utf8), text.contains("\r\n\r\n") {
                let parts = text.split(separator: " ", maxSplits: 2)
                return parts.count >= 2 ? String(parts[1]) : nil
            }
        }
        return nil
    }

    private func send(_ client: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            offset += n
        }
    }
}

struct ServerError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
