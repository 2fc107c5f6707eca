import Foundation
import Hashing

/// Reads pipeline.json: parses, expands matrix templates, decodes params with
/// each kind's Codable type, resolves deps and checks the graph is acyclic.
/// Every problem is one `PipelineError` naming the file, stage and field.
public enum PipelineLoader {
    static let stageFieldOrder = ["kind", "params", "deps", "files", "outs", "paramsFiles", "matrix", "name", "resources"]
    static let stageFields = Set(stageFieldOrder)
    static var stageFieldList: String { stageFieldOrder.joined(separator: ", ") }

    /// `overrides` (from `pipeline run -S`) change stage params after matrix
    /// expansion, before decoding, so they are checked like the file's own values.
    public static func load(file: URL, displayName: String? = nil, registry: KindRegistry, overrides: [ParamOverride] = []) throws -> Pipeline {
        let shown = displayName ?? file.path
        let data: Data
        do { data = try Data(contentsOf: file) } catch {
            throw PipelineError("\(shown): cannot read the file (\((error as NSError).localizedDescription))")
        }
        let json: JSONValue
        do { json = try JSONParser.parse(data) } catch let e as JSONSyntaxError {
            throw PipelineError("\(shown):\(e.line):\(e.column): \(e.message)")
        }
        var pipeline = try load(json: json, displayName: shown, root: file.deletingLastPathComponent(), registry: registry, overrides: overrides)
        pipeline.sourceHash = SHA256.hash(data).hex
        return pipeline
    }

    public static func load(json: JSONValue, displayName shown: String, root: URL, registry: KindRegistry,
                            overrides: [ParamOverride] = []) throws -> Pipeline {
        @Sendable func fail(_ m: String) -> PipelineError { PipelineError("\(shown): \(m)") }
        guard case .object(let top) = json else { throw fail("expected an object at the top level, found \(json.kindDescription)") }
        for m in top where !["version", "stages", "outputs", "checks", "metrics"].contains(m.key) {
            throw fail("unknown top-level field '\(m.key)' (expected: version, stages, outputs, checks, metrics)")
        }
        guard let version = json["version"] else { throw fail("missing field 'version' (expected 1)") }
        guard version == .int(1) else { throw fail("version: expected 1, found \(CanonicalJSON.string(version))") }
        guard let stagesValue = json["stages"] else { throw fail("missing field 'stages'") }
        guard case .object(let templates) = stagesValue else { throw fail("stages: expected an object, found \(stagesValue.kindDescription)") }

        var raw: [RawInstance] = []
        for (base, body) in templates {
            raw.append(contentsOf: try MatrixExpansion.expand(base: base, body: body, fail: fail))
        }
        raw = try Overrides.apply(overrides, to: raw, fail: fail)
        var seen = Set<String>()
        for r in raw where !seen.insert(r.name).inserted {
            throw fail("stage '\(r.name)': duplicate name (from matrix template '\(r.base)'; make its \"name\" tell the instances apart)")
        }
        let names = raw.map(\.name)
        let nameSet = Set(names)
        // Instances of each matrix template, in order: a dep naming a template reads them all.
        var instancesOfBase: [String: [String]] = [:]
        for r in raw where r.fromMatrix { instancesOfBase[r.base, default: []].append(r.name) }

        let decoded = canonicalParams(raw, registry: registry)
        var instances: [StageInstance] = []
        instances.reserveCapacity(raw.count)
        for (n, r) in raw.enumerated() {
            func stageFail(_ m: String) -> PipelineError { fail("stage '\(r.name)': \(m)") }
            guard let kind = registry[r.kindName], let canonical = decoded[n] else {
                throw stageFail("unknown kind '\(r.kindName)' (known kinds: \(registry.all.map(\.name).joined(separator: ", ")))")
            }
            if case .unavailable(let why)? = kind.numerics {
                throw stageFail("kind '\(kind.name)' does floating-point work, and its numerics are unavailable: \(why)")
            }
            let params: JSONValue
            do { params = try canonical.get() } catch let e as ParamsError {
                throw stageFail(e.message.hasPrefix("missing parameter") ? e.message.replacingOccurrences(of: "(needs:", with: "(kind '\(kind.name)' needs:") : e.message)
            }
            var deps: [String] = []
            var seen = Set<String>()
            for d in r.deps {
                let matched: [String]
                if nameSet.contains(d) { matched = [d] }
                else if let all = instancesOfBase[d] { matched = all }
                else if Glob.isPattern(d) { matched = names.filter { Glob.matches(d, $0) } }
                else { matched = [] }
                guard !matched.isEmpty else {
                    throw stageFail("unknown dependency '\(d)'" + (Glob.isPattern(d) ? " (the pattern matches no stage)" : ""))
                }
                for m in matched where seen.insert(m).inserted { deps.append(m) }
            }
            // The roles the kind declares, counted as StageContext will see them.
            for need in kind.inputs {
                let found = deps.filter { $0.split(separator: "@", maxSplits: 1).first.map(String.init) == need.role }.count
                if let problem = need.problem(found: found) { throw stageFail("kind '\(kind.name)' \(problem)") }
            }
            try FileInputs.validate(r.files, root: root, fail: stageFail)
            try InPlaceOutputs.validate(r.outs, fail: stageFail)
            let paramValues = try ParamsFile.values(r.paramsFiles, root: root, fail: stageFail)
            instances.append(StageInstance(name: r.name, base: r.base, kind: kind, params: params, deps: deps, files: r.files,
                                           outs: r.outs, paramValues: paramValues, resources: r.resources))
        }
        let ordered = try DependencyGraph.topologicalOrder(instances, fail: fail)
        try InPlaceOutputs.checkNoOverlap(instances, fail: fail)
        let outputs = try parseOutputs(json["outputs"], names: names, bases: Set(instancesOfBase.keys), fail: fail) + InPlaceOutputs.workspaceOutputs(instances)
        let checks = try parseChecks(json["checks"], fail: fail)
        let metrics = try parseMetrics(json["metrics"], fail: fail) ?? checks.map(\.file)
        return Pipeline(stages: ordered, outputs: outputs, root: root, checks: checks, metrics: metrics)
    }

    /// `"metrics": ["outputs/metrics.json"]`: JSON files whose numbers `exp show`
    /// and `metrics diff` compare; nil when absent (then the `checks` files are the metrics).
    static func parseMetrics(_ value: JSONValue?, fail: (String) -> PipelineError) throws -> [String]? {
        guard let value else { return nil }
        guard case .array(let items) = value else { throw fail("metrics: expected an array of relative paths, found \(value.kindDescription)") }
        return try items.enumerated().map { i, item in
            guard let f = item.stringValue, !f.isEmpty, !f.hasPrefix("/"), !f.split(separator: "/").contains("..") else {
                throw fail("metrics[\(i)]: expected a relative path string inside the project, found \(CanonicalJSON.string(item))")
            }
            return f
        }
    }

    /// Each instance's params decoded with its kind's Codable type and re-encoded
    /// (nil for an unknown kind), on all cores: for a large matrix this is most
    /// of loading. Same results, in order, as one loop.
    static func canonicalParams(_ raw: [RawInstance], registry: KindRegistry) -> [Result<JSONValue, Error>?] {
        raw.map { (kind: $0.kindName, params: $0.params) }.concurrentMap(minimumChunk: 512) { r in
            registry[r.kind].map { kind in Result { try kind.canonicalParams(r.params) } }
        }
    }

    static func parseChecks(_ value: JSONValue?, fail: (String) -> PipelineError) throws -> [MetricsCheckSpec] {
        guard let value else { return [] }
        guard case .array(let items) = value else { throw fail("checks: expected an array, found \(value.kindDescription)") }
        return try items.enumerated().map { i, item in
            let at = "checks[\(i)]"
            guard case .object(let fields) = item else { throw fail("\(at): expected an object, found \(item.kindDescription)") }
            for f in fields where !["file", "tolerances"].contains(f.key) {
                throw fail("\(at): unknown field '\(f.key)' (expected: file, tolerances)")
            }
            guard let file = item["file"]?.stringValue, !file.isEmpty, !file.hasPrefix("/") else {
                throw fail("\(at).file: expected a relative path string")
            }
            var tolerances: [String: Double] = [:]
            if let t = item["tolerances"] {
                guard case .object(let entries) = t else { throw fail("\(at).tolerances: expected an object, found \(t.kindDescription)") }
                for (key, v) in entries {
                    let number: Double?
                    switch v { case .int(let n): number = Double(n); case .double(let d): number = d; default: number = nil }
                    guard let number, number >= 0 else {
                        throw fail("\(at).tolerances.\(key): expected a non-negative number, found \(v.kindDescription)")
                    }
                    tolerances[key] = number
                }
            }
            return MetricsCheckSpec(file: file, tolerances: tolerances)
        }
    }

    /// `stage` is an instance name, or a matrix template or a glob over instance
    /// names: then each matched instance gets its own folder `path/<instance>/`
    /// (holding all its files, or the one `file`).
    static func parseOutputs(_ value: JSONValue?, names: [String], bases: Set<String>, fail: (String) -> PipelineError) throws -> [WorkspaceOutput] {
        guard let value else { return [] }
        guard case .array(let items) = value else { throw fail("outputs: expected an array, found \(value.kindDescription)") }
        var result: [WorkspaceOutput] = []
        for (i, item) in items.enumerated() {
            let at = "outputs[\(i)]"
            guard case .object(let fields) = item else { throw fail("\(at): expected an object, found \(item.kindDescription)") }
            for f in fields where !["stage", "file", "path"].contains(f.key) {
                throw fail("\(at): unknown field '\(f.key)' (expected: stage, file, path)")
            }
            guard let stage = item["stage"]?.stringValue else { throw fail("\(at).stage: expected a stage name string") }
            let instances: [String]?  // nil: one named instance, whose files go to `path` itself
            if names.contains(stage) { instances = nil }
            else if bases.contains(stage) { instances = names.filter { $0.split(separator: "@").first.map(String.init) == stage } }
            else if Glob.isPattern(stage) { instances = names.filter { Glob.matches(stage, $0) } }
            else { throw fail("\(at).stage: unknown stage '\(stage)'") }
            if let instances, instances.isEmpty { throw fail("\(at).stage: '\(stage)' matches no stage") }
            guard let path = item["path"]?.stringValue, !path.isEmpty else { throw fail("\(at).path: expected a relative path string") }
            guard !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
                throw fail("\(at).path: expected a path inside the project, found '\(path)'")
            }
            var file: String?
            if let f = item["file"] {
                guard let s = f.stringValue, !s.isEmpty else { throw fail("\(at).file: expected a file name string, found \(f.kindDescription)") }
                file = s
            }
            for name in instances ?? [stage] {
                // Several instances: `path/<instance>/` as the folder, or `path/<instance>/<file>` for one file.
                let target = instances == nil ? path : file.map { "\(path)/\(name)/\($0)" } ?? "\(path)/\(name)"
                result.append(WorkspaceOutput(stage: name, file: file, path: target))
            }
        }
        return result
    }
}
