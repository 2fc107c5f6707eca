import Foundation

/// What a process needs of its CPU's /proc/cpuinfo: the first "model name"
/// ("unknown" when absent) and the first "flags" line's feature names (nil
/// when the file cannot be read or lists none).
public struct CPUFacts: Sendable, Equatable {
    public let model: String
    public let flags: Set<String>?

    public init(model: String, flags: Set<String>?) { self.model = model; self.flags = flags }
}

/// Fields of /proc/cpuinfo (Linux), read with C stdio: Foundation's file
/// reading costs more start-up time than `pipeline`'s CPU check should, and
/// every command pays for that check.
///
/// A process reads the file once: `current` holds its facts, from the first of
/// `startUp(path:)` (the executable calls it first thing, with its test
/// override of the path) or the first use of `current`. `pipeline`'s CPU check
/// and OpenBLAS's kernel choice both read `current.flags`, so they can never
/// disagree. Thread-safe.
public enum CPUInfo {
    public static let defaultPath = "/proc/cpuinfo"

    private static let lock = NSLock()
    nonisolated(unsafe) private static var facts: CPUFacts?

    /// This process's facts, read on first use (from `defaultPath` unless `startUp` chose another file).
    public static var current: CPUFacts { startUp() }

    /// Reads `path` as this process's cpuinfo if nothing was read yet; returns the facts in use
    /// (a later call's `path` is ignored: the file is read once per process).
    @discardableResult
    public static func startUp(path: String = defaultPath) -> CPUFacts {
        lock.lock(); defer { lock.unlock() }
        if let facts { return facts }
        let read = self.read(path: path)
        facts = read
        return read
    }

    /// Model and flags from one pass over `path`.
    public static func read(path: String = defaultPath) -> CPUFacts {
        let found = fields(["model name", "flags"], path: path)
        return CPUFacts(model: found["model name"] ?? "unknown", flags: found["flags"].map(splitFlags))
    }

    private static func splitFlags(_ line: String) -> Set<String> {
        Set(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init))
    }

    /// The value of the first line whose name (the text before ':', blanks
    /// trimmed) is `name`, e.g. "model name" or "flags", with surrounding
    /// blanks trimmed; nil when the file cannot be read or has no such line.
    public static func field(_ name: String, path: String = defaultPath) -> String? { fields([name], path: path)[name] }

    /// The first value of each of `names`, in one pass (stops once all are found).
    static func fields(_ names: Set<String>, path: String) -> [String: String] {
        guard let file = fopen(path, "r") else { return [:] }
        defer { fclose(file) }
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        var found: [String: String] = [:]
        while found.count < names.count, getline(&buffer, &capacity, file) > 0, let buffer {
            let line = String(cString: buffer)
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            guard names.contains(name), found[name] == nil else { continue }
            found[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return found
    }

    /// The first "model name" (x86), or "unknown".
    public static func model(path: String = defaultPath) -> String { field("model name", path: path) ?? "unknown" }

    /// The first "flags" line's feature names; nil when the file cannot be read or lists none.
    public static func flags(path: String = defaultPath) -> Set<String>? {
        field("flags", path: path).map(splitFlags)
    }
}
