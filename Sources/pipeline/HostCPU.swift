import Foundation
import Support

/// The CPU features this build of `Nets` was compiled for, checked before any
/// of its code runs: a missing instruction would otherwise end the process
/// with "Illegal instruction" and no hint. This file is compiled for a
/// generic CPU (only `Nets` is tuned), so the check itself is safe to run.
enum HostCPU {
    /// What `-target-cpu haswell` lets the compiler use, as /proc/cpuinfo names it.
    static let haswellFlags = ["avx", "avx2", "fma", "bmi1", "bmi2", "f16c", "movbe", "abm", "popcnt"]

    /// The flags in `required` that /proc/cpuinfo does not list; nil if it cannot be read.
    static func missing(_ required: [String], cpuinfo: String = CPUInfo.defaultPath) -> [String]? {
        guard let present = CPUInfo.flags(path: cpuinfo) else { return nil }
        return required.filter { !present.contains($0) }
    }

    /// Exits with status 2 and one line naming the missing features, if any.
    /// `PIPELINE_CPUINFO` replaces /proc/cpuinfo (for the CLI tests).
    static func requireHaswellFeatures() {
        let path = getenv("PIPELINE_CPUINFO").map { String(cString: $0) } ?? CPUInfo.defaultPath
        guard let absent = missing(haswellFlags, cpuinfo: path), !absent.isEmpty else { return }
        FileHandle.standardError.write(Data("""
            pipeline: error: this build needs an x86-64 CPU with AVX2 and FMA (Haswell or later); \
            this CPU lacks \(absent.joined(separator: ", ")). Rebuild with \
            `PIPELINE_PORTABLE=1 swift build -c release` (same results, slower epochs).

            """.utf8))
        exit(2)
    }
}
