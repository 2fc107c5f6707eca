import Foundation
import Hashing

/// Compares a run record file with a lock-file entry by their text, without
/// parsing either: how a no-op run or `status` checks, for each cached stage,
/// that the store's record (the authority) holds the results the lock file
/// says, at the cost of one file read and one SHA-256 per stage.
///
/// Both texts are `CanonicalJSON` pretty text of `RunRecord.json`: the record
/// file with every fact (`.all`, at the top level), the lock entry with its
/// results only (`.results`, nested two levels deep). The record's run facts
/// (`host`, `seconds`, `started`) are three top-level members; keys are
/// sorted and `version` (always present) sorts last, so each fact is one
/// whole line that ends in a comma. Dropping those three lines, and every
/// line's indentation, leaves the same bytes exactly when the two hold the
/// same results: canonical text is one text per value, and with no raw
/// newline inside a string, indentation only repeats what the brackets say.
///
/// A record whose results differ, or any text not in this form (a record
/// written by hand or by an older tool), simply does not match: the caller
/// then parses the record as before.
enum RecordText {
    /// The facts of one run that the lock file leaves out.
    struct RunFacts: Equatable {
        var started: String
        var seconds: Double
        var host: String
    }

    /// A SHA-256 held in 32 bytes inline (a `Digest` allocates its bytes):
    /// the lock file keeps one per stage.
    struct ResultsDigest: Hashable, Sendable {
        let words: (UInt64, UInt64, UInt64, UInt64)
        init(_ d: Digest) {
            func word(_ i: Int) -> UInt64 { d.bytes[i * 8 ..< i * 8 + 8].reduce(0) { $0 << 8 | UInt64($1) } }
            words = (word(0), word(1), word(2), word(3))
        }
        static func == (a: Self, b: Self) -> Bool { a.words == b.words }
        func hash(into h: inout Hasher) { h.combine(words.0); h.combine(words.1); h.combine(words.2); h.combine(words.3) }
    }

    /// SHA-256 of a lock-file entry's results text (its value's bytes, from `{` to `}`).
    static func resultsDigest(entry: ArraySlice<UInt8>) -> ResultsDigest {
        entry.withUnsafeBufferPointer { text in
            normalized(text) { normal, text in
                forEachLine(text) { _, content in append(content, to: &normal) }
            }
        }
    }

    /// The digest of a record file's results text (comparable with
    /// `resultsDigest(entry:)`) and its run facts; nil when a fact is missing
    /// or not in the form `RunRecord.json` writes.
    static func results(record: [UInt8]) -> (digest: ResultsDigest, facts: RunFacts)? {
        var started: String?, seconds: Double?, host: String?  // a malformed value stays nil
        let digest = record.withUnsafeBufferPointer { text in
            normalized(text) { normal, text in
                forEachLine(text) { indent, content in
                    if indent == 2, content.first == 0x22, let fact = fact(content) {
                        switch fact.name {
                        case "started": started = string(fact.value)
                        case "host": host = string(fact.value)
                        default: seconds = Double(String(decoding: fact.value, as: UTF8.self))
                        }
                        return
                    }
                    append(content, to: &normal)
                }
            }
        }
        guard let started, let seconds, let host else { return nil }
        return (digest, RunFacts(started: started, seconds: seconds, host: host))
    }

    /// SHA-256 of what `fill` appends to a buffer allocated once per call:
    /// lines of `text`, each with a newline, so at most one byte more than
    /// `text` (whose last line may have none). Raw buffers and `memchr`, not
    /// array indexing: a no-op run does this twice per stage, over about 500
    /// bytes each, and it was a quarter of the lock file's read.
    private static func normalized(_ text: UnsafeBufferPointer<UInt8>,
                                   _ fill: (inout UnsafeMutableBufferPointer<UInt8>.SubSequence, UnsafeBufferPointer<UInt8>) -> Void)
        -> ResultsDigest {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: text.count + 1)
        defer { buffer.deallocate() }
        var normal = buffer[0..<0]
        fill(&normal, text)
        return ResultsDigest(SHA256.hash(UnsafeBufferPointer(rebasing: normal)))
    }

    /// Appends `line` and a newline after `normal`, within its buffer.
    private static func append(_ line: UnsafeBufferPointer<UInt8>, to normal: inout UnsafeMutableBufferPointer<UInt8>.SubSequence) {
        precondition(normal.endIndex + line.count < normal.base.count, "RecordText: line past its buffer")
        let base = normal.base.baseAddress! + normal.endIndex
        base.update(from: line.baseAddress!, count: line.count)
        base[line.count] = 0x0A
        normal = normal.base[normal.startIndex..<(normal.endIndex + line.count + 1)]
    }

    /// Each non-empty line of `text` as (its count of leading spaces, the rest).
    private static func forEachLine(_ text: UnsafeBufferPointer<UInt8>, _ body: (Int, UnsafeBufferPointer<UInt8>) -> Void) {
        guard let base = text.baseAddress else { return }
        var i = 0
        let n = text.count
        while i < n {
            var start = i
            while start < n, base[start] == 0x20 { start += 1 }
            let end = memchr(base + start, 0x0A, n - start).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? n
            if end > start { body(start - i, UnsafeBufferPointer(start: base + start, count: end - start)) }
            i = end + 1
        }
    }

    private static let factNames: [(name: String, prefix: [UInt8])] =
        ["host", "seconds", "started"].map { ($0, Array("\"\($0)\": ".utf8)) }

    /// `"name": value,` for one of the three facts: its name and the value's text.
    private static func fact(_ line: UnsafeBufferPointer<UInt8>) -> (name: String, value: UnsafeBufferPointer<UInt8>)? {
        for f in factNames where line.starts(with: f.prefix) {
            guard line.last == UInt8(ascii: ",") else { return nil }
            return (f.name, UnsafeBufferPointer(rebasing: line[f.prefix.count..<(line.count - 1)]))
        }
        return nil
    }

    /// A JSON string's value: the bytes between its quotes when it has no escape, else the parser's reading.
    private static func string(_ text: UnsafeBufferPointer<UInt8>) -> String? {
        guard text.count >= 2, text.first == 0x22, text.last == 0x22 else { return nil }
        let inner = text.dropFirst().dropLast()
        if !inner.contains(UInt8(ascii: "\\")) && !inner.contains(0x22) { return String(validating: inner, as: UTF8.self) }
        guard case .string(let s)? = try? JSONParser.parse(Array(text)) else { return nil }
        return s
    }
}
