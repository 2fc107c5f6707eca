import Foundation
import Support

/// The CPU features this build of `Nets` was compiled for, checked before any
/// of its code runs: a missing instruction would otherwise end the process
/// with "Illegal instruction" and no hint. This file is compiled for a
/// generic CPU (only `Nets` is tuned), so the check itself is safe to run.
enum HostCPU {
    /// What `-target-cpu haswell` lets the compiler use, as /proc/cpuinfo names it.
    static let haswellFlags = ["avx", "avx2", "fma", "bmi1", "bmi2", "f16c", "movbe", "abm", "popcnt"]

    /// The flags in `required` that `flags` (from /proc/cpuinfo) lacks; nil if it could not be read.
    static func missing(_ required: [String], flags: Set<String>?) -> [String]? {
        guard let present = flags else { return nil }
        return required.filter { !present.contains($0) }
    }

    /// Exits with status 2 and one line naming the missing features, if any.
    /// `flags` are the process's (`CPUInfo.startUp`, read once in main.swift).
    static func requireHaswellFeatures(flags: Set<String>?) {
        guard let absent = missing(haswellFlags, flags: flags), !absent.isEmpty else { return }
        FileHandle.standardError.write(Data("""
            pipeline: error: this build needs an x86-64 CPU with AVX2 and FMA (Haswell or later); \
            this CPU lacks \(absent.joined(separator: ", ")). Rebuild with \
            `PIPELINE_PORTABLE=1 swift build -c release` (same results, slower epochs).

            """.utf8))
        exit(2)
    }
}
