import Foundation

/// The load averages (1, 5, 15 minutes) from /proc/loadavg: the benchmark
/// shares the cores with other work, so every figure is recorded with them.
enum MachineLoad {
    /// nil when /proc/loadavg cannot be read (not Linux).
    static func current() -> [Double]? {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ").prefix(3).compactMap { Double($0) }
        return fields.count == 3 ? fields : nil
    }

    static func describe(_ load: [Double]?) -> String {
        guard let load else { return "unknown" }
        return load.map { String(format: "%.2f", $0) }.joined(separator: " ")
    }
}
