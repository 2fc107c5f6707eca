import Foundation

/// Why gnuplot did not draw a figure. `description` is one line meant for the
/// report stage's log; the `.dat` and `.gp` files are already written when
/// any of these is thrown, so the figure can be redrawn by hand.
public enum GnuplotError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No executable named `gnuplot` on the search path.
    case notFound(script: String)
    /// gnuplot could not be started.
    case launchFailed(script: String, reason: String)
    /// gnuplot exited with a non-zero status; `stderr` is what it printed.
    case failed(script: String, status: Int32, stderr: String)
    /// gnuplot ran longer than the timeout and was terminated.
    case timedOut(script: String, seconds: Double)

    public var description: String {
        switch self {
        case .notFound(let script):
            return "gnuplot not found: install gnuplot-nox; the .dat and .gp files are written, "
                + "run `gnuplot \(script)` to draw"
        case .launchFailed(let script, let reason):
            return "gnuplot could not start for \(script): \(reason)"
        case .failed(let script, let status, let stderr):
            return "gnuplot failed on \(script) (exit status \(status)): "
                + stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        case .timedOut(let script, let seconds):
            return "gnuplot timed out on \(script) after \(seconds) s and was stopped"
        }
    }
}
