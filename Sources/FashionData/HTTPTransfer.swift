import Foundation
import Support
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP(S) GET streamed into an `AtomicFile` through URLSession.
///
/// Blocking: the calling thread waits until the body is complete, the server
/// fails, or the deadline passes (then the request is cancelled). Only a 200
/// response is accepted, and its body must reach the announced Content-Length.
enum HTTPTransfer {
    /// A failed transfer; `transient` says whether retrying the same URL may help.
    struct Failure: Error {
        var reason: String
        var transient: Bool
    }

    static func get(_ url: URL, into file: AtomicFile, idleTimeout: Double, deadline: Date,
                    progress: @escaping @Sendable (Int, Int?) -> Void) throws {
        let remaining = deadline.timeIntervalSinceNow
        guard remaining > 0 else { throw Failure(reason: "time budget exhausted", transient: false) }
        // swift-corelibs-foundation truncates these to whole seconds (0.5 -> 0,
        // an instant timeout), so round up; the semaphore below keeps the exact budget.
        let idle = max(1, idleTimeout.rounded(.up))
        let config = URLSessionConfiguration.ephemeral
        config.timeoutIntervalForRequest = idle
        config.timeoutIntervalForResource = max(1, remaining.rounded(.up))
        config.requestCachePolicy = .reloadIgnoringLocalCacheData
        config.urlCache = nil
        let delegate = TransferDelegate(file: file, idleSeconds: idle, progress: progress)
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1   // delegate callbacks in order, one at a time
        let session = URLSession(configuration: config, delegate: delegate, delegateQueue: queue)
        defer { session.invalidateAndCancel() }
        var request = URLRequest(url: url)
        request.timeoutInterval = idle
        let task = session.dataTask(with: request)
        // Late callbacks after we return must not touch the file (its descriptor may be reused).
        defer { delegate.detach() }
        task.resume()
        if delegate.done.wait(timeout: .now() + remaining) == .timedOut {
            task.cancel()
            _ = delegate.done.wait(timeout: .now() + 2)
            throw Failure(reason: "no complete response within the time budget of \(format(remaining)) s", transient: false)
        }
        if let failure = delegate.result() { throw failure }
    }

    private static func format(_ seconds: Double) -> String { String(format: "%.1f", seconds) }
}

/// URLSession callbacks for `HTTPTransfer`: checks the status, writes each
/// chunk, records the first failure. State is guarded by `lock`; the delegate
/// queue is serial, the waiting thread reads only after `done` is signalled.
private final class TransferDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var file: AtomicFile?
    private let progress: @Sendable (Int, Int?) -> Void
    private var failure: HTTPTransfer.Failure?
    private var received = 0
    private var expected: Int?

    private let idleSeconds: Double

    init(file: AtomicFile, idleSeconds: Double, progress: @escaping @Sendable (Int, Int?) -> Void) {
        self.file = file
        self.idleSeconds = idleSeconds
        self.progress = progress
    }

    func result() -> HTTPTransfer.Failure? { lock.withLock { failure } }

    /// Drops the file; later data callbacks are ignored.
    func detach() { lock.withLock { file = nil } }

    private func fail(_ reason: String, transient: Bool) {
        lock.withLock { if failure == nil { failure = .init(reason: reason, transient: transient) } }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        guard let http = response as? HTTPURLResponse else {
            fail("not an HTTP response", transient: false)
            completionHandler(.cancel); return
        }
        guard http.statusCode == 200 else {
            let code = http.statusCode
            fail("HTTP \(code) \(HTTPURLResponse.localizedString(forStatusCode: code))", transient: code >= 500)
            completionHandler(.cancel); return
        }
        lock.withLock { expected = response.expectedContentLength >= 0 ? Int(response.expectedContentLength) : nil }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        // Writing under the lock makes `detach` wait for a write in progress.
        let outcome: Result<(Int, Int?), Error>? = lock.withLock {
            guard let file else { return nil }
            do {
                try data.withUnsafeBytes { try file.write($0) }
                received += data.count
                return .success((received, expected))
            } catch { return .failure(error) }
        }
        switch outcome {
        case .success(let (now, total))?: progress(now, total)
        case .failure(let error)?: fail("\(error)", transient: false); dataTask.cancel()
        case nil: dataTask.cancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        if let error {
            let ns = error as NSError
            // DNS failure and refused connections are not worth retrying right away.
            let permanent = [NSURLErrorCannotFindHost, NSURLErrorCannotConnectToHost, NSURLErrorDNSLookupFailed,
                             NSURLErrorUnsupportedURL, NSURLErrorBadURL].contains(ns.code)
            // corelibs gives no text for a timeout; say what happened.
            let text = ns.code == NSURLErrorTimedOut
                ? "timed out: no connection or no data for \(Int(idleSeconds)) s"
                : ns.localizedDescription
            fail(text + " (URL error \(ns.code))", transient: !permanent)
        } else {
            let (got, want) = lock.withLock { (received, expected) }
            if let want, got != want {
                fail("body ended after \(got) of \(want) bytes", transient: true)
            }
        }
        done.signal()
    }
}
