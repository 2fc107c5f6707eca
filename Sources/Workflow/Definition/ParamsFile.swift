import Foundation
import Yams

/// Chosen keys of a workspace params file (a stage's `"paramsFiles"`), as DVC's
/// `params:` does: `{"params.yaml": ["prepare.seed", "prepare.split"]}`.
///
/// The file is YAML (`.yaml`, `.yml`, parsed with Yams) or JSON (anything else,
/// with the project's JSON parser), relative to the project folder. A key is a
/// dotted path into nested mappings. The values of the chosen keys, as JSON,
/// go into the cache key; other keys of the file never make the stage stale.
/// Values are read once, when the pipeline loads.
public enum ParamsFile {
    /// file -> dotted key -> value, for the keys each file lists. `fail` gets
    /// one field's message (`paramsFiles.params.yaml: key 'prepare.seed' not found`).
    static func values(_ spec: [String: [String]], root: URL, fail: (String) -> PipelineError) throws -> [String: [String: JSONValue]] {
        var out: [String: [String: JSONValue]] = [:]
        for (file, keys) in spec.sorted(by: { $0.key < $1.key }) {
            let at = "paramsFiles.\(file)"
            guard !file.isEmpty, !file.hasPrefix("/"), !file.split(separator: "/").contains("..") else {
                throw fail("\(at): expected a path inside the project, found '\(file)'")
            }
            let url = root.appendingPathComponent(file)
            guard let data = (try? WholeFile.read(url.path)).map({ Data($0) }) else { throw fail("\(at): cannot read '\(file)' (looked in \(root.path))") }
            let document: JSONValue
            do { document = try parse(data, name: file) } catch { throw fail("\(at): \(error)") }
            var chosen: [String: JSONValue] = [:]
            for key in keys {
                guard let v = lookup(document, key) else { throw fail("\(at): key '\(key)' not found in \(file)") }
                chosen[key] = v
            }
            out[file] = chosen
        }
        return out
    }

    /// The whole file as a JSON value.
    static func parse(_ data: Data, name: String) throws -> JSONValue {
        guard name.hasSuffix(".yaml") || name.hasSuffix(".yml") else {
            do { return try JSONParser.parse(data) } catch let e as JSONSyntaxError { throw PipelineError("\(e.line):\(e.column): \(e.message)") }
        }
        let text = String(decoding: data, as: UTF8.self)
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch { throw PipelineError("not valid YAML: \(error)") }
        guard let node else { return .null }
        return try json(node)
    }

    /// A document written back for an experiment's copy of the file: JSON,
    /// which YAML readers accept too (comments and layout are not kept; the
    /// project's own file is never rewritten).
    static func serialize(_ doc: JSONValue, name: String) throws -> Data {
        CanonicalJSON.data(doc, pretty: true)
    }

    /// A YAML node as JSON: scalars by their resolved tag (int, float, bool, null, else string).
    static func json(_ node: Node) throws -> JSONValue {
        switch node {
        case .mapping(let m):
            return .object(try m.map { pair in
                guard let k = pair.key.string else { throw PipelineError("mapping keys must be scalars") }
                return (k, try json(pair.value))
            })
        case .sequence(let s):
            return .array(try s.map(json))
        case .scalar:
            if node.null != nil { return .null }
            if let b = node.bool { return .bool(b) }
            if let i = node.int { return .int(i) }
            if let d = node.float { return .double(d) }
            return .string(node.string ?? "")
        }
    }

    /// The value at dotted path `key` ("a.b.c") in nested objects.
    static func lookup(_ value: JSONValue, _ key: String) -> JSONValue? {
        var v = value
        for part in key.split(separator: ".", omittingEmptySubsequences: false) {
            guard let next = v[String(part)] else { return nil }
            v = next
        }
        return v
    }

    /// JSON for the cache key and the run record: {file: {key: value}}.
    static func json(_ values: [String: [String: JSONValue]]) -> JSONValue {
        .object(values.map { ($0.key, .object($0.value.map { ($0.key, $0.value) })) })
    }
}

/// A params file read as a whole, for comparing its keys with another revision.
public enum ParamsFileDocument {
    public static func parse(_ data: Data, name: String) throws -> JSONValue { try ParamsFile.parse(data, name: name) }
    public static func lookup(_ doc: JSONValue, _ key: String) -> JSONValue? { ParamsFile.lookup(doc, key) }
}
