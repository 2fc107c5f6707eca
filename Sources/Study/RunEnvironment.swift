import Foundation
import Nets

/// The machine facts the report's provenance section records.
struct RunEnvironment {
    var cpu: String
    var cores: Int
    var blas: String
    var threads: Int

    static func current(threads: Int) -> RunEnvironment {
        RunEnvironment(cpu: cpuModel(), cores: ProcessInfo.processInfo.activeProcessorCount,
                       blas: buildDescription(BLAS.configDescription), threads: threads)
    }

    /// OpenBLAS's build string without its current thread count: that count is
    /// process state left by whichever stage ran last, and would make the
    /// report's bytes depend on which stages were cached.
    static func buildDescription(_ config: String) -> String {
        config.replacingOccurrences(of: #" threads=[0-9]+$"#, with: "", options: .regularExpression)
    }

    /// The first "model name" of /proc/cpuinfo (Linux), or "unknown".
    static func cpuModel() -> String {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown" }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return "unknown"
    }
}
