import COpenSSL
import Foundation

/// Streaming SHA-256 over OpenSSL's libcrypto.
///
/// Contract: `update` may be called any number of times, in order; `finalize`
/// ends the stream and returns the 32-byte digest. A value is single-use and not
/// thread-safe: hash on one thread, or give each thread its own hasher.
public final class SHA256Hasher {
    private let context: OpaquePointer
    private var finished = false

    public init() {
        // EVP_MD_CTX_new only fails on allocation failure, which Swift treats as fatal anyway.
        context = EVP_MD_CTX_new()!
        EVP_DigestInit_ex(context, Self.algorithm ?? EVP_sha256(), nil)
    }

    /// Fetched once: given `EVP_sha256()`, every init looks the algorithm up
    /// in OpenSSL's providers again, which cost as much as hashing a run record.
    /// An `EVP_MD` is immutable once fetched, so threads may share it.
    nonisolated(unsafe) private static let algorithm = EVP_MD_fetch(nil, "SHA256", nil)

    deinit { EVP_MD_CTX_free(context) }

    public func update(_ buffer: UnsafeRawBufferPointer) {
        precondition(!finished, "SHA256Hasher used after finalize")
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        EVP_DigestUpdate(context, base, buffer.count)
    }

    public func update<D: DataProtocol>(_ data: D) {
        for region in data.regions { region.withUnsafeBytes { update($0) } }
    }

    public func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }

    public func finalize() -> Digest {
        precondition(!finished, "SHA256Hasher finalized twice")
        finished = true
        var out = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &out, &length)
        return Digest(bytes: out)
    }
}

/// A SHA-256 digest; `hex` is the lowercase hexadecimal form used in every file this project writes.
public struct Digest: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8](); out.reserveCapacity(64)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
    public var description: String { hex }
}

public enum SHA256 {
    public static func hash<D: DataProtocol>(_ data: D) -> Digest {
        let h = SHA256Hasher(); h.update(data); return h.finalize()
    }
    public static func hash(_ string: String) -> Digest { hash(Array(string.utf8)) }

    /// Hashes a file by streaming it in 1 MiB chunks (never the whole file in memory).
    public static func hash(fileAt url: URL) throws -> Digest {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { throw HashingError.cannotOpen(url.path, errno) }
        defer { close(fd) }
        let h = SHA256Hasher()
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer.baseAddress, chunk)
            if n < 0 {
                if errno == EINTR { continue }
                throw HashingError.readFailed(url.path, errno)
            }
            if n == 0 { break }
            h.update(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        }
        return h.finalize()
    }
}

public enum HashingError: Error, CustomStringConvertible {
    case cannotOpen(String, Int32)
    case readFailed(String, Int32)
    public var description: String {
        switch self {
        case .cannotOpen(let p, let e): return "\(p): cannot open for hashing: \(String(cString: strerror(e)))"
        case .readFailed(let p, let e): return "\(p): read failed while hashing: \(String(cString: strerror(e)))"
        }
    }
}
