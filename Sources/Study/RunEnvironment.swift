import Foundation
import Nets

/// The machine facts the report's provenance section records.
struct RunEnvironment {
    var cpu: String
    var cores: Int
    var blas: String

    static func current() -> RunEnvironment {
        RunEnvironment(cpu: cpuModel(), cores: ProcessInfo.processInfo.activeProcessorCount,
                       blas: "\(BLAS.build); OpenBLAS single-threaded, each stage splitting its products into blocks of \(BLAS.blockRows) rows over its threads (results do not depend on the thread count)")
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
