import Foundation

/// The single-writer lock of a store: the file `lock` holding
/// `{"host", "pid", "started"}`, created with O_EXCL.
///
/// A lock whose owner is a dead process on this host is taken over; a live
/// owner (or one on another host) is waited for, with one message on stderr.
public final class StoreLock: @unchecked Sendable {
    public let url: URL
    private var held = false

    public init(store: Store) { url = store.root.appendingPathComponent("lock") }

    public func acquire(wait: Bool = true, message: (String) -> Void) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let host = ProcessInfo.processInfo.hostName
        let me: JSONValue = .object([("pid", .int(Int(getpid()))), ("host", .string(host)), ("started", .string(Timestamp.now()))])
        var announced = false
        while true {
            let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            if fd >= 0 {
                let data = CanonicalJSON.data(me)
                _ = data.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
                fsync(fd); close(fd)
                held = true
                return
            }
            guard errno == EEXIST else { throw EngineError("\(url.path): cannot create the store lock: \(String(cString: strerror(errno)))") }
            let owner = (FileManager.default.contents(atPath: url.path)).flatMap { try? JSONParser.parse($0) }
            if let owner, let pid = owner["pid"]?.intValue, owner["host"]?.stringValue == host, kill(pid_t(pid), 0) != 0, errno == ESRCH {
                message("note: taking over the store lock of pid \(pid), which is no longer running")
                unlink(url.path)
                continue
            }
            if owner == nil, let age = ageSeconds(), age > 10 {
                // An empty or torn lock file older than a few seconds: its writer died while creating it.
                unlink(url.path)
                continue
            }
            guard wait else { throw EngineError("the store is locked by \(owner.map { CanonicalJSON.string($0) } ?? "another process")") }
            if !announced, let owner {
                message("waiting for the store lock held by pid \(owner["pid"]?.intValue ?? 0) on \(owner["host"]?.stringValue ?? "?") since \(owner["started"]?.stringValue ?? "?")")
                announced = true
            }
            usleep(100_000)
        }
    }

    private func ageSeconds() -> Double? {
        guard let attrs = try? FileManager.default.attributesOfItem(atPath: url.path),
              let m = attrs[.modificationDate] as? Date else { return nil }
        return Date().timeIntervalSince(m)
    }

    public func release() {
        if held { unlink(url.path); held = false }
    }

    deinit { release() }
}
