import Foundation

/// Fields of /proc/cpuinfo (Linux), read with C stdio: Foundation's file
/// reading costs more start-up time than `pipeline`'s CPU check should, and
/// every command pays for that check.
public enum CPUInfo {
    public static let defaultPath = "/proc/cpuinfo"

    /// The value of the first line whose name (the text before ':', blanks
    /// trimmed) is `name`, e.g. "model name" or "flags", with surrounding
    /// blanks trimmed; nil when the file cannot be read or has no such line.
    public static func field(_ name: String, path: String = defaultPath) -> String? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        while getline(&buffer, &capacity, file) > 0, let buffer {
            let line = String(cString: buffer)
            guard let colon = line.firstIndex(of: ":"),
                  line[..<colon].trimmingCharacters(in: .whitespaces) == name else { continue }
            return line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return nil
    }

    /// The first "model name" (x86), or "unknown".
    public static func model(path: String = defaultPath) -> String { field("model name", path: path) ?? "unknown" }

    /// The first "flags" line's feature names; nil when the file cannot be read or lists none.
    public static func flags(path: String = defaultPath) -> Set<String>? {
        field("flags", path: path).map { Set($0.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)) }
    }
}
