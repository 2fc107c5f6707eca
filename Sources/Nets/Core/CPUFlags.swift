import Foundation

/// The CPU's feature flags as Linux's /proc/cpuinfo names them (`avx2`, `fma`, ...).
enum CPUFlags {
    /// The first `flags` line's words; nil when the file cannot be read (not Linux).
    /// C stdio: Foundation's file reading costs more start-up than the check should.
    static func current(cpuinfo: String = "/proc/cpuinfo") -> Set<String>? {
        guard let file = fopen(cpuinfo, "r") else { return nil }
        defer { fclose(file) }
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        while getline(&buffer, &capacity, file) > 0, let buffer {
            let line = String(cString: buffer)
            guard line.hasPrefix("flags") else { continue }
            return Set(line.split(whereSeparator: { " \t:\n".contains($0) }).dropFirst().map(String.init))
        }
        return nil
    }
}
