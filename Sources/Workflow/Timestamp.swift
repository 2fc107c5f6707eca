import Foundation

/// ISO 8601 UTC timestamps with second precision, as written in records.
public enum Timestamp {
    public static func now() -> String { string(Date()) }
    public static func string(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: date)
    }
}
