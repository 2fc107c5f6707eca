import Foundation

/// Compares a file's bytes with bytes given piece by piece, reading the file
/// alongside them: neither side is ever whole in memory. For a writer of a
/// large file (the lock file of a 100,000-stage pipeline is tens of MB) that
/// rewrites it only when its content changes.
///
/// Contract: `feed` every piece in order, then read `matches`: true exactly
/// when the pieces together are the file's whole content. A missing or
/// unreadable file matches nothing. Once a difference is found, `hasDiffered`
/// is true and later pieces are not compared (a caller may stop producing
/// them). One value per comparison, used from one thread.
public final class FileComparison {
    private var fd: Int32
    public private(set) var hasDiffered: Bool
    private var scratch: [UInt8] = []

    public init(path: String) {
        fd = open(path, O_RDONLY | O_CLOEXEC)
        hasDiffered = fd < 0
    }

    deinit { if fd >= 0 { close(fd) } }

    public func feed(_ piece: [UInt8]) {
        guard !hasDiffered, !piece.isEmpty else { return }
        if scratch.count < piece.count { scratch = [UInt8](repeating: 0, count: piece.count) }
        let got = readFully(piece.count)
        if got != piece.count || !scratch.withUnsafeBytes({ s in piece.withUnsafeBytes { memcmp(s.baseAddress!, $0.baseAddress!, piece.count) == 0 } }) {
            hasDiffered = true
        }
    }

    /// True when every piece matched and the file has nothing after them.
    public var matches: Bool {
        guard !hasDiffered else { return false }
        if scratch.isEmpty { scratch = [0] }
        return readFully(1) == 0
    }

    /// Reads up to `count` bytes into `scratch`; fewer only at end of file; -1 on an error.
    private func readFully(_ count: Int) -> Int {
        var offset = 0
        while offset < count {
            let n = scratch.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + offset, count - offset) }
            if n < 0 { if errno == EINTR { continue }; return -1 }
            if n == 0 { break }
            offset += n
        }
        return offset
    }
}
