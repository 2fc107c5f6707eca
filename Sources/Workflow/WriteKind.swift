import Foundation

/// Built-in kind `write`: writes the given texts as files (UTF-8, as is).
/// Params: `files` {relative path: text}. No inputs needed.
public struct WriteKind: StageKind {
    public struct Params: Codable, Sendable { public var files: [String: String] }
    public static let name = "write"
    public static let version = 1
    public static let summary = "write the given texts as output files"
    public init() {}
    public func run(_ params: Params, in context: StageContext) throws {
        for (path, text) in params.files.sorted(by: { $0.key < $1.key }) {
            guard !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
                throw StageError("files: '\(path)' must be a relative path inside the output folder")
            }
            try Data(text.utf8).write(to: try context.outputURL(path))
        }
    }
}
