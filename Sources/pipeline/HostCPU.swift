import Foundation

/// The CPU features this build of `Nets` was compiled for, checked before any
/// of its code runs: a missing instruction would otherwise end the process
/// with "Illegal instruction" and no hint. This file is compiled for a
/// generic CPU (only `Nets` is tuned), so the check itself is safe to run.
enum HostCPU {
    /// What `-target-cpu haswell` lets the compiler use, as /proc/cpuinfo names it.
    static let haswellFlags = ["avx", "avx2", "fma", "bmi1", "bmi2", "f16c", "movbe", "abm", "popcnt"]

    /// The flags in `required` that /proc/cpuinfo does not list; nil if it cannot be read.
    /// Plain C stdio: Foundation's file reading costs more start-up time than
    /// the whole check should (every `pipeline` command pays for it).
    static func missing(_ required: [String], cpuinfo: String = "/proc/cpuinfo") -> [String]? {
        guard let file = fopen(cpuinfo, "r") else { return nil }
        defer { fclose(file) }
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        while getline(&buffer, &capacity, file) > 0, let buffer {
            let line = String(cString: buffer)
            guard line.hasPrefix("flags") else { continue }
            let present = Set(line.split(whereSeparator: { " \t:\n".contains($0) }).map(String.init))
            return required.filter { !present.contains($0) }
        }
        return nil
    }

    /// Exits with status 2 and one line naming the missing features, if any.
    /// `PIPELINE_CPUINFO` replaces /proc/cpuinfo (for the CLI tests).
    static func requireHaswellFeatures() {
        let path = getenv("PIPELINE_CPUINFO").map { String(cString: $0) } ?? "/proc/cpuinfo"
        guard let absent = missing(haswellFlags, cpuinfo: path), !absent.isEmpty else { return }
        FileHandle.standardError.write(Data("""
            pipeline: error: this build needs an x86-64 CPU with AVX2 and FMA (Haswell or later); \
            this CPU lacks \(absent.joined(separator: ", ")). Rebuild with \
            `PIPELINE_PORTABLE=1 swift build -c release` (same results, slower epochs).

            """.utf8))
        exit(2)
    }
}
