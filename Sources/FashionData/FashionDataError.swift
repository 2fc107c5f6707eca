import Foundation
import Support

/// Every failure of the FashionData layer. Each `description` names the file
/// (or source) involved and states what was expected versus what was found, so
/// one line in a log is enough to act on.
public enum FashionDataError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A system call on `path` failed; `operation` is what we were doing.
    case io(path: String, operation: String, errno: Int32)
    /// The gzip stream ended before its end-of-stream marker.
    case truncatedGzip(name: String, outputBytes: Int)
    /// zlib rejected the compressed data; `message` is zlib's own reason.
    case corruptGzip(name: String, message: String)
    /// Bytes after a complete gzip member that are not another gzip member.
    case trailingGarbage(name: String, offset: Int)
    /// The file is not in IDX format as this loader requires it.
    case invalidIDX(name: String, problem: String)
    /// A label byte outside 0...9.
    case labelOutOfRange(name: String, label: UInt8, index: Int)
    /// Images and labels files disagree on the number of items.
    case countMismatch(images: String, imageCount: Int, labels: String, labelCount: Int)
    /// The decompressed content does not have the expected SHA-256.
    case checksumMismatch(name: String, expected: String, found: String)
    /// The decompressed content does not have the expected size.
    case sizeMismatch(name: String, expected: Int, found: Int)
    /// One source could not deliver; `reason` says why (HTTP status, timeout, ...).
    case transfer(source: String, reason: String)
    /// Every source failed; one entry per source, in the order tried.
    case allSourcesFailed(name: String, failures: [SourceFailure])
    /// A caller-supplied argument was unusable (e.g. an image index out of range).
    case invalidArgument(String)

    public var description: String {
        switch self {
        case let .io(path, operation, code):
            return "\(path): cannot \(operation): \(String(cString: strerror(code)))"
        case let .truncatedGzip(name, bytes):
            return "\(name): truncated gzip stream (ended after \(bytes) bytes of output)"
        case let .corruptGzip(name, message):
            return "\(name): corrupt gzip data: \(message)"
        case let .trailingGarbage(name, offset):
            return "\(name): trailing garbage after the last gzip member at byte \(offset) (expected end of file or another gzip member)"
        case let .invalidIDX(name, problem):
            return "\(name): \(problem)"
        case let .labelOutOfRange(name, label, index):
            return "\(name): label \(label) at index \(index) is out of range 0...9"
        case let .countMismatch(images, imageCount, labels, labelCount):
            return "\(images) has \(imageCount) images but \(labels) has \(labelCount) labels (expected equal counts)"
        case let .checksumMismatch(name, expected, found):
            return "\(name): SHA-256 of decompressed content is \(found), expected \(expected)"
        case let .sizeMismatch(name, expected, found):
            return "\(name): decompressed content is \(found) bytes, expected \(expected)"
        case let .transfer(source, reason):
            return "\(source): \(reason)"
        case let .allSourcesFailed(name, failures):
            let lines = failures.map { "  - \($0.source): \($0.reason)" }
            return "\(name): every source failed:\n" + lines.joined(separator: "\n")
        case let .invalidArgument(message):
            return message
        }
    }
}

/// Why one download source failed, as listed in `FashionDataError.allSourcesFailed`.
public struct SourceFailure: Equatable, Sendable, CustomStringConvertible {
    public var source: String
    public var reason: String
    public init(source: String, reason: String) { self.source = source; self.reason = reason }
    public var description: String { "\(source): \(reason)" }
}

/// Runs `body`, turning Support's `SystemCallError` (from `AtomicFile`,
/// `WholeFile`) into the same failure as `FashionDataError.io`.
func mappingIOErrors<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as SystemCallError {
        throw FashionDataError.io(path: e.path, operation: e.operation, errno: e.code)
    }
}
