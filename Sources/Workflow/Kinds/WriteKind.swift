import Foundation

/// Built-in kind `write`: writes the given texts as files (UTF-8, as is).
/// Params: `files` {relative path: text}. No inputs needed.
public struct WriteKind: StageKind {
    public struct Params: Codable, Sendable { public var files: [String: String] }
    public static let name = "write"
    public static let version = 1
    public static let summary = "write the given texts as output files"
    public init() {}
    /// Paths must stay inside the output folder: checked when the pipeline loads.
    public static func validate(_ params: Params) throws {
        for path in params.files.keys.sorted() where path.isEmpty || path.hasPrefix("/") || path.split(separator: "/").contains("..") {
            throw StageError("params.files: '\(path)' must be a relative path inside the output folder (no leading '/', no '..')")
        }
    }

    /// `{"files": {path: text, ...}}` with string texts and nothing else: the
    /// canonical value is the input itself (keys in UTF-8 order, as CanonicalJSON writes them).
    public static func decodeDirect(_ value: JSONValue) -> (params: Params, canonical: JSONValue)? {
        guard case .object(let top) = value, top.count == 1, top[0].key == "files",
              case .object(let members) = top[0].value else { return nil }
        var files: [String: String] = [:]
        files.reserveCapacity(members.count)
        for m in members {
            guard case .string(let text) = m.value, files.updateValue(text, forKey: m.key) == nil else { return nil }
        }
        let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        return (Params(files: files), .object([(key: "files", value: .object(sorted))]))
    }

    public func run(_ params: Params, in context: StageContext) throws {
        try Self.validate(params)
        for (path, text) in params.files.sorted(by: { $0.key < $1.key }) {
            try context.write(Data(text.utf8), to: path)  // not Data.write: it fsyncs every file
        }
    }
}
