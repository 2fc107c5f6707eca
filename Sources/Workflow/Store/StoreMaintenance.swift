import Foundation
import Hashing

/// `verify` and `gc` over a store. Both must run under the store lock.
public struct StoreMaintenance: Sendable {
    public let store: Store

    public init(store: Store) { self.store = store }

    /// Every object as (hash from its path, URL), sorted by hash.
    func allObjects() -> [(hash: String, url: URL)] {
        let fm = FileManager.default
        var result: [(String, URL)] = []
        for prefix in ((try? fm.contentsOfDirectory(atPath: store.objects.path)) ?? []).sorted() where prefix.count == 2 {
            let dir = store.objects.appendingPathComponent(prefix)
            for rest in ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() {
                result.append((prefix + rest, dir.appendingPathComponent(rest)))
            }
        }
        return result
    }

    /// Every run record key, sorted.
    func allRecordKeys() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: store.runs.path)) ?? [])
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) }.sorted()
    }

    public struct VerifyReport: Sendable {
        public var checked = 0
        public var corrupt: [(hash: String, actual: String)] = []
        public var invalidated: [(key: String, stage: String)] = []
    }

    /// Re-hashes every object. A corrupt one moves to quarantine/, and every run
    /// record naming it (or naming a missing object) moves to quarantine/runs/,
    /// so its stage runs again.
    public func verify() throws -> VerifyReport {
        var report = VerifyReport()
        var bad = Set<String>()
        let fm = FileManager.default
        for (hash, url) in allObjects() {
            report.checked += 1
            let actual = try SHA256.hash(fileAt: url).hex
            if actual != hash {
                try fm.createDirectory(at: store.quarantine, withIntermediateDirectories: true)
                let dest = store.quarantine.appendingPathComponent("\(hash)-\(UUID().uuidString.prefix(8))")
                guard rename(url.path, dest.path) == 0 else { throw EngineError("\(url.path): cannot move to quarantine: \(String(cString: strerror(errno)))") }
                bad.insert(hash)
                report.corrupt.append((hash, actual))
            }
        }
        for key in allRecordKeys() {
            guard let r = store.record(key) else { continue }
            if r.outputs.values.contains(where: { bad.contains($0.hash) || store.objectProblem($0) != nil }) {
                let dir = store.quarantine.appendingPathComponent("runs")
                try fm.createDirectory(at: dir, withIntermediateDirectories: true)
                _ = rename(store.runURL(key).path, dir.appendingPathComponent("\(key).json").path)
                report.invalidated.append((key, r.stage))
            }
        }
        return report
    }

    public struct GCReport: Sendable {
        public var records: [String] = []
        public var objects: [String] = []
        public var bytes = 0
    }

    /// Removes run records whose key is not in `keep` and the objects that no
    /// kept record or `extraObjects` reaches. With `dryRun`, only reports.
    public func collect(keep: Set<String>, extraObjects: Set<String>, dryRun: Bool) throws -> GCReport {
        var report = GCReport()
        var live = extraObjects
        // Records go: no lock file may be taken as agreeing with the store any more.
        if !dryRun { try LockVerification.dropAll(store: store) }
        for key in allRecordKeys() {
            if keep.contains(key), let r = store.record(key) {
                for f in r.outputs.values { live.insert(f.hash) }
            } else {
                report.records.append(key)
                if !dryRun { try FileManager.default.removeItem(at: store.runURL(key)) }
            }
        }
        if !dryRun { StageLog.collect(store: store, keep: keep) }
        for (hash, url) in allObjects() where !live.contains(hash) {
            var st = stat()
            if stat(url.path, &st) == 0 { report.bytes += Int(st.st_size) }
            report.objects.append(hash)
            if !dryRun { try FileManager.default.removeItem(at: url) }
        }
        return report
    }
}
