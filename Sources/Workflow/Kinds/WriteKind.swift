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

    public func run(_ params: Params, in context: StageContext) throws {
        try Self.validate(params)
        for (path, text) in params.files.sorted(by: { $0.key < $1.key }) {
            try context.write(Data(text.utf8), to: path)  // not Data.write: it fsyncs every file
        }
    }
}
