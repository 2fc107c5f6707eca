import Foundation

/// Runs the gnuplot binary on a script.
///
/// The binary is looked up on `PATH` (or the `searchPath` given). The script
/// runs with its own folder as working directory, so scripts name their data
/// and output files relatively, and with `LC_ALL=C` so numbers print the same
/// everywhere. Blocking; safe to call from several threads at once (each call
/// owns its process).
public enum Gnuplot {
    /// True when a `gnuplot` executable is on `PATH`.
    public static var isAvailable: Bool { locate() != nil }

    /// The first executable `gnuplot` in the colon-separated `searchPath`
    /// (default: this process's `PATH`), or nil.
    public static func locate(searchPath: String? = nil) -> URL? {
        let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? ""
        for dir in path.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent("gnuplot")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Runs `gnuplot <script file name>` in the script's folder and waits.
    ///
    /// - Returns: what gnuplot printed on stderr (warnings) when it succeeded.
    /// - Throws: `GnuplotError` when gnuplot is missing, fails, or exceeds `timeout` seconds.
    @discardableResult
    public static func render(script: URL, timeout: Double = 120, searchPath: String? = nil) throws(GnuplotError) -> String {
        let name = script.lastPathComponent
        guard let binary = locate(searchPath: searchPath) else { throw .notFound(script: name) }

        // stderr goes to a file, not a pipe, so a chatty script cannot fill a
        // pipe buffer and block while we wait for it to exit.
        let errURL = FileManager.default.temporaryDirectory
            .appendingPathComponent("gnuplot-stderr-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: errURL.path, contents: nil),
              let errHandle = try? FileHandle(forWritingTo: errURL) else {
            throw .launchFailed(script: name, reason: "cannot create a temporary file for stderr at \(errURL.path)")
        }
        defer {
            try? errHandle.close()
            try? FileManager.default.removeItem(at: errURL)
        }

        let process = Process()
        process.executableURL = binary
        process.arguments = [name]
        process.currentDirectoryURL = script.deletingLastPathComponent()
        var env = ProcessInfo.processInfo.environment
        env["LC_ALL"] = "C"
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errHandle
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do { try process.run() } catch {
            throw .launchFailed(script: name, reason: String(describing: error))
        }
        if done.wait(timeout: .now() + timeout) == .timedOut {
            // gnuplot ignores SIGTERM in some states (e.g. `pause`): escalate.
            process.terminate()
            if done.wait(timeout: .now() + 2) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                done.wait()
            }
            throw .timedOut(script: name, seconds: timeout)
        }
        let stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            throw .failed(script: name, status: process.terminationStatus, stderr: stderr)
        }
        return stderr
    }
}
