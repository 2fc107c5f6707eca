import Foundation

/// ISO 8601 UTC timestamps with second precision, as written in records
/// (`2026-12-01T09:32:58Z`).
///
/// Formatted with gmtime_r: an ISO8601DateFormatter per call was a quarter of
/// the CPU time of a run of trivial stages (two timestamps per stage).
public enum Timestamp {
    public static func now() -> String { string(Date()) }
    public static func string(_ date: Date) -> String {
        var t = time_t(date.timeIntervalSince1970.rounded(.down))
        var tm = tm()
        gmtime_r(&t, &tm)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(tm.tm_year + 1900)-\(two(tm.tm_mon + 1))-\(two(tm.tm_mday))T\(two(tm.tm_hour)):\(two(tm.tm_min)):\(two(tm.tm_sec))Z"
    }
}
