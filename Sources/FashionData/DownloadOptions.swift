/// Limits of one download. Times are in seconds.
///
/// - `connectTimeout`: longest silence allowed while connecting or between two
///   chunks of data (URLSession's request timeout, an idle timeout).
/// - `totalTimeout`: budget for one source, all attempts and backoff included.
/// - `retries`: extra attempts per source after a transient failure (timeout,
///   reset, 5xx, truncated body); permanent failures (DNS, refused, 4xx,
///   wrong checksum) move to the next source at once.
/// - `backoff`: delay before the first retry; doubled before each next one.
public struct DownloadOptions: Sendable, Equatable {
    public var connectTimeout: Double = 5
    public var totalTimeout: Double = 120
    public var retries: Int = 2
    public var backoff: Double = 0.5

    public init(connectTimeout: Double = 5, totalTimeout: Double = 120, retries: Int = 2, backoff: Double = 0.5) {
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.retries = retries
        self.backoff = backoff
    }
}
