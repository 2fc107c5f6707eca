import Foundation

/// Why a stage is not up to date, in words, by comparing what the stage would
/// run with now against its entry in pipeline.lock.json.
enum Staleness {
    static func reasons(stage: StageInstance, key: String, inputs: [String: [String: String]], files: [String: String],
                        lockEntry: RunRecord?, store: Store) -> [String] {
        guard let old = lockEntry else { return ["never run"] }
        var reasons = ownReasons(stage: stage, files: files, old: old)
        for dep in Set(old.inputs.keys).union(inputs.keys).sorted() {
            switch (old.inputs[dep], inputs[dep]) {
            case (nil, _?): reasons.append("new input \(dep)")
            case (_?, nil): reasons.append("input \(dep) removed")
            case let (a?, b?):
                for f in Set(a.keys).union(b.keys).sorted() where a[f] != b[f] {
                    reasons.append(a[f] == nil ? "new input \(dep)/\(f)" : b[f] == nil ? "input \(dep)/\(f) removed" : "input \(dep)/\(f) changed")
                }
            default: break
            }
        }
        if !reasons.isEmpty { return reasons }
        if old.key != key { return ["cache key changed"] }
        guard let record = store.record(key) else { return ["run record missing from the store"] }
        for (name, file) in record.outputs.sorted(by: { $0.key < $1.key }) {
            if let p = store.objectProblem(file) { reasons.append("output \(name) \(p) in the store") }
        }
        return reasons.isEmpty ? ["run record missing from the store"] : reasons
    }

    /// What changed in the stage itself since `old`: kind, version, params, workspace files.
    /// Known before its dependencies have results.
    static func ownReasons(stage: StageInstance, files: [String: String], old: RunRecord) -> [String] {
        var reasons: [String] = []
        if old.kind != stage.kind.name { reasons.append("kind changed: \(old.kind) -> \(stage.kind.name)") }
        else if old.version != stage.kind.version { reasons.append("kind version bumped: \(old.version) -> \(stage.kind.version)") }
        if old.numerics != stage.kind.numericsIdentity {
            let changes = (stage.kind.numericsIdentity ?? NumericsIdentity([])).changes(from: old.numerics ?? NumericsIdentity([]))
            reasons.append("numerics changed: " + changes.joined(separator: ", "))
        }
        let before = flatten(old.params, "")
        let after = flatten(stage.params, "")
        var changes: [String] = []
        for k in Set(before.keys).union(after.keys).sorted() where before[k] != after[k] {
            changes.append("\(k) \(before[k] ?? "(none)") -> \(after[k] ?? "(none)")")
        }
        if !changes.isEmpty { reasons.append("params changed: " + changes.joined(separator: ", ")) }
        for f in Set(old.files.keys).union(files.keys).sorted() where old.files[f] != files[f] {
            reasons.append(old.files[f] == nil ? "new input file \(f)" : files[f] == nil ? "input file \(f) removed" : "input file \(f) changed")
        }
        let oldValues = old.paramsFiles, newValues = stage.paramValues
        for file in Set(oldValues.keys).union(newValues.keys).sorted() {
            let a = oldValues[file] ?? [:], b = newValues[file] ?? [:]
            for k in Set(a.keys).union(b.keys).sorted() where a[k] != b[k] {
                reasons.append("\(file): \(k) \(a[k].map { CanonicalJSON.string($0) } ?? "(none)") -> \(b[k].map { CanonicalJSON.string($0) } ?? "(none)")")
            }
        }
        return reasons
    }

    /// Leaves of a params value as dotted path -> canonical text.
    static func flatten(_ v: JSONValue, _ prefix: String) -> [String: String] {
        switch v {
        case .object(let members):
            var out: [String: String] = [:]
            for m in members { out.merge(flatten(m.value, prefix.isEmpty ? m.key : prefix + "." + m.key)) { a, _ in a } }
            if members.isEmpty, !prefix.isEmpty { out[prefix] = "{}" }
            return out
        default:
            return [prefix.isEmpty ? "params" : prefix: CanonicalJSON.string(v)]
        }
    }
}
