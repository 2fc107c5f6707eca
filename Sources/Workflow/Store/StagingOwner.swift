import Foundation

/// The process that owns a staging folder `tmp/<label>-<host>-<pid>-<id>`.
/// The label is a key prefix and the id 8 hex digits (neither has a dash);
/// the host may contain dashes, so the name is parsed from both ends.
public struct StagingOwner: Equatable, Sendable {
    public let host: String
    public let pid: Int

    public init(host: String, pid: Int) { self.host = host; self.pid = pid }

    public func folderName(label: String, id: String) -> String { "\(label)-\(host)-\(pid)-\(id)" }

    /// nil for names not made by `folderName` (such as an older layout's).
    public init?(folderName: String) {
        let parts = folderName.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 4, let pid = Int(parts[parts.count - 2]), pid > 0 else { return nil }
        host = parts[1..<(parts.count - 2)].joined(separator: "-")
        self.pid = pid
    }

    /// Whether the pid runs on this machine (EPERM: it runs, as another user).
    public var isAlive: Bool { kill(pid_t(pid), 0) == 0 || errno == EPERM }
}
