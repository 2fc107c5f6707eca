import Foundation

/// A failed system call on a file: the path, what was being done, and errno.
///
/// `description` reads `<path>: cannot <operation>: <strerror>`, e.g.
/// `out.json: cannot write: No space left on device`. Callers with their own
/// error type map the three fields into it (see `FashionDataError.io`).
public struct SystemCallError: Error, CustomStringConvertible, Sendable, Equatable {
    public let path: String
    /// What failed, as a verb phrase: "write", "fsync", "open for reading", ...
    public let operation: String
    public let code: Int32

    public init(path: String, operation: String, code: Int32) {
        self.path = path; self.operation = operation; self.code = code
    }

    public var reason: String { String(cString: strerror(code)) }
    public var description: String { "\(path): cannot \(operation): \(reason)" }
}
