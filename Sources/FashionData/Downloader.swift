import Foundation
import Support

/// Fetches dataset files from an ordered list of sources with verification.
///
/// For each source in order (`http`, `https` or `file` base URLs; the file
/// name is appended), up to `1 + retries` attempts are made within the
/// source's `totalTimeout`. An attempt streams the .gz into a temporary file
/// beside the destination, decompresses it to check the SHA-256 (and size) of
/// its content, and only then fsyncs and renames it into place. The first
/// verified source wins; if none does, one error lists every source and why it
/// failed. Nothing is ever left under the destination's name unless verified.
/// Threading: blocking; calls for different destinations may run in parallel.
public enum Downloader {
    /// Fetches `file` from the first source that yields verified content;
    /// writes the .gz to `destination` atomically. Returns the URL used.
    /// `progress` receives human-readable lines: bytes received (about every
    /// 10%), each failed attempt or source, and the verified source.
    @discardableResult
    public static func fetch(_ file: DataFile, sources: [URL], to destination: URL, options: DownloadOptions = DownloadOptions(),
                             progress: @escaping @Sendable (String) -> Void = { _ in }) throws -> URL {
        // A missing target directory is the caller's problem, not each source's.
        let directory = destination.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw FashionDataError.io(path: directory, operation: "write the download into this directory", errno: ENOENT)
        }
        var failures: [SourceFailure] = []
        for base in sources {
            let url = base.appendingPathComponent(file.name)
            do {
                try fetchOne(file, from: url, to: destination, options: options, progress: progress)
                progress("\(file.name): verified from \(url.absoluteString)")
                return url
            } catch {
                let why = reason(error, file: file.name, url: url)
                failures.append(SourceFailure(source: url.absoluteString, reason: why))
                progress("\(file.name): \(url.absoluteString) failed: \(why)")
            }
        }
        if sources.isEmpty { failures.append(SourceFailure(source: "(none)", reason: "no sources were given")) }
        throw FashionDataError.allSourcesFailed(name: file.name, failures: failures)
    }

    /// All attempts at one URL; throws the last failure.
    static func fetchOne(_ file: DataFile, from url: URL, to destination: URL, options: DownloadOptions,
                         progress: @escaping @Sendable (String) -> Void) throws {
        let deadline = Date(timeIntervalSinceNow: options.totalTimeout)
        var attempt = 0
        while true {
            do {
                try mappingIOErrors {
                    let temp = try AtomicFile(destination: destination)
                    try transfer(url, name: file.name, into: temp, options: options, deadline: deadline, progress: progress)
                    try verify(file, at: temp)
                    try temp.commit()
                }
                return
            } catch {
                let delay = options.backoff * pow(2, Double(attempt))
                guard isTransient(error), attempt < options.retries,
                      deadline.timeIntervalSinceNow > delay else { throw error }
                progress("\(file.name): attempt \(attempt + 1) at \(url.absoluteString) failed (\(reason(error, file: file.name, url: url))); retrying in \(delay) s")
                Thread.sleep(forTimeInterval: delay)
                attempt += 1
            }
        }
    }

    private static func transfer(_ url: URL, name: String, into temp: AtomicFile, options: DownloadOptions,
                                 deadline: Date, progress: @escaping @Sendable (String) -> Void) throws {
        let reporter = ProgressReporter(name: name, source: url.absoluteString, sink: progress)
        switch url.scheme?.lowercased() {
        case "file":
            try copyLocal(url, into: temp, reporter: reporter)
        case "http", "https":
            try HTTPTransfer.get(url, into: temp, idleTimeout: options.connectTimeout, deadline: deadline,
                                 progress: { reporter.update($0, of: $1) })
        default:
            throw HTTPTransfer.Failure(reason: "unsupported URL scheme '\(url.scheme ?? "")' (expected http, https or file)",
                                       transient: false)
        }
    }

    /// Streams a local file into `temp` in 1 MiB chunks.
    private static func copyLocal(_ url: URL, into temp: AtomicFile, reporter: ProgressReporter) throws {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { throw FashionDataError.io(path: url.path, operation: "open for reading", errno: errno) }
        defer { close(fd) }
        var info = stat()
        let total = fstat(fd, &info) == 0 ? Int(info.st_size) : nil
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        var copied = 0
        while true {
            let n = read(fd, buffer.baseAddress, chunk)
            if n < 0 {
                if errno == EINTR { continue }
                throw FashionDataError.io(path: url.path, operation: "read", errno: errno)
            }
            if n == 0 { return }
            try temp.write(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
            copied += n
            reporter.update(copied, of: total)
        }
    }

    /// Decompresses the downloaded bytes and compares hash and size with `file`.
    private static func verify(_ file: DataFile, at temp: AtomicFile) throws {
        let (sha, bytes) = try Gunzip.digest(URL(fileURLWithPath: temp.temporaryPath), displayName: file.name)
        if let size = file.size, size != bytes {
            throw FashionDataError.sizeMismatch(name: file.name, expected: size, found: bytes)
        }
        guard sha == file.sha256.lowercased() else {
            throw FashionDataError.checksumMismatch(name: file.name, expected: file.sha256, found: sha)
        }
    }

    private static func isTransient(_ error: Error) -> Bool {
        switch error {
        case let failure as HTTPTransfer.Failure: return failure.transient
        case FashionDataError.truncatedGzip: return true   // a cut connection looks like this
        default: return false
        }
    }

    /// The error's text without a leading file name or path, which the
    /// source URL beside it already gives.
    private static func reason(_ error: Error, file: String, url: URL) -> String {
        if let failure = error as? HTTPTransfer.Failure { return failure.reason }
        var text = "\(error)"
        for prefix in [file + ": ", url.path + ": "] where text.hasPrefix(prefix) {
            text.removeFirst(prefix.count)
        }
        return text
    }
}
