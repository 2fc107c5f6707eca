import Foundation

/// Expands one stage template of pipeline.json into instances.
///
/// A `matrix` of lists gives the cartesian product in the order keys and values
/// are written (first key outermost). Each instance is named `base@<name>`, where
/// `name` defaults to the values joined by `-`. `${item.key}` is substituted in
/// `name`, `deps`, `files` and `params`: a string that is exactly one reference
/// takes the value with its JSON type; inside a longer string the value is
/// interpolated. Only `${item.` starts a reference: `${OUT}` or `${1:-x}` in a
/// shell command or a written file stays as it is.
enum MatrixExpansion {
    /// The instances are built on all cores (`concurrentMap`): the same list, in
    /// order, and on bad input the same error (the first instance's, in order)
    /// as one loop.
    static func expand(base: String, body: JSONValue, fail: @Sendable (String) -> PipelineError) throws -> [RawInstance] {
        @Sendable func stageFail(_ m: String) -> PipelineError { fail("stage '\(base)': \(m)") }
        guard !base.isEmpty, isName(base, punctuation: "_-.") else {
            throw stageFail("invalid stage name (use letters, digits, '_', '-', '.')")
        }
        guard case .object(let fields) = body else { throw stageFail("expected an object, found \(body.kindDescription)") }
        for f in fields where !PipelineLoader.stageFields.contains(f.key) {
            throw stageFail("unknown field '\(f.key)' (expected: \(PipelineLoader.stageFieldList))")
        }
        guard let kindValue = body["kind"] else { throw stageFail("missing field 'kind'") }
        guard let kindName = kindValue.stringValue else { throw stageFail("kind: expected a string, found \(kindValue.kindDescription)") }
        let params = body["params"] ?? .object([])
        let depStrings = try strings(body["deps"], field: "deps", plural: "stage names", singular: "a stage name", fail: stageFail)
        let fileStrings = try strings(body["files"], field: "files", plural: "paths", singular: "a path", fail: stageFail)
        let outStrings = try strings(body["outs"], field: "outs", plural: "paths", singular: "a path", fail: stageFail)
        var paramsFiles: [String: [String]] = [:]
        if let d = body["paramsFiles"] {
            guard case .object(let members) = d else { throw stageFail("paramsFiles: expected an object {file: [keys]}, found \(d.kindDescription)") }
            for m in members {
                guard case .array(let items) = m.value, !items.isEmpty, items.allSatisfy({ $0.stringValue?.isEmpty == false }) else {
                    throw stageFail("paramsFiles.\(m.key): expected a non-empty array of key strings such as \"prepare.seed\"")
                }
                paramsFiles[m.key] = items.compactMap(\.stringValue)
            }
        }
        let resources = try parseResources(body["resources"], fail: stageFail)

        guard let matrix = body["matrix"] else {
            if body["name"] != nil { throw stageFail("'name' is only allowed with 'matrix'") }
            try checkNoReferences(params, field: "params", fail: stageFail)
            for (i, d) in depStrings.enumerated() { try checkNoReferences(.string(d), field: "deps[\(i)]", fail: stageFail) }
            for (i, f) in fileStrings.enumerated() { try checkNoReferences(.string(f), field: "files[\(i)]", fail: stageFail) }
            for (i, f) in outStrings.enumerated() { try checkNoReferences(.string(f), field: "outs[\(i)]", fail: stageFail) }
            return [RawInstance(name: base, base: base, fromMatrix: false, kindName: kindName, params: params, deps: depStrings,
                                files: fileStrings, outs: outStrings, paramsFiles: paramsFiles, resources: resources)]
        }
        guard case .object(let axes) = matrix, !axes.isEmpty else { throw stageFail("matrix: expected a non-empty object of lists") }
        for axis in axes {
            guard case .array(let values) = axis.value, !values.isEmpty else {
                throw stageFail("matrix.\(axis.key): expected a non-empty array, found \(axis.value.kindDescription)")
            }
            for v in values {
                switch v {
                case .array, .object, .null: throw stageFail("matrix.\(axis.key): expected strings, numbers or booleans, found \(v.kindDescription)")
                default: break
                }
            }
        }
        var nameTemplate: String?
        if let n = body["name"] {
            guard let s = n.stringValue else { throw stageFail("name: expected a string, found \(n.kindDescription)") }
            nameTemplate = s
        }
        var combos: [[(key: String, value: JSONValue)]] = [[]]
        for axis in axes {
            let values = axis.value.arrayValue ?? []
            combos = combos.flatMap { c in values.map { c + [(axis.key, $0)] } }
        }
        let built = combos.concurrentMap(minimumChunk: 256) { [nameTemplate, paramsFiles] item in Result { () throws -> RawInstance in
            let lookup = Dictionary(item.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            let keys = item.map(\.key)
            let suffix = try nameTemplate.map { try substitute(.string($0), item: lookup, keys: keys, field: "name", fail: stageFail).interpolationText }
                ?? item.map(\.value.interpolationText).joined(separator: "-")
            let name = "\(base)@\(suffix)"
            guard !suffix.isEmpty, isName(suffix, punctuation: "_-.+") else {
                throw stageFail("instance name '\(name)' is not valid (use letters, digits, '_', '-', '.', '+')")
            }
            let p = try substitute(params, item: lookup, keys: keys, field: "params", fail: stageFail)
            let deps = try depStrings.enumerated().map { i, d in
                try substitute(.string(d), item: lookup, keys: keys, field: "deps[\(i)]", fail: stageFail).interpolationText
            }
            let files = try fileStrings.enumerated().map { i, f in
                try substitute(.string(f), item: lookup, keys: keys, field: "files[\(i)]", fail: stageFail).interpolationText
            }
            let outs = try outStrings.enumerated().map { i, f in
                try substitute(.string(f), item: lookup, keys: keys, field: "outs[\(i)]", fail: stageFail).interpolationText
            }
            return RawInstance(name: name, base: base, fromMatrix: true, kindName: kindName, params: p, deps: deps, files: files,
                               outs: outs, paramsFiles: paramsFiles, resources: resources)
        } }
        return try built.map { try $0.get() }
    }

    /// Whether `s` has only letters, digits and `punctuation`; ASCII is checked
    /// by byte (Character properties were a tenth of expanding a large matrix).
    static func isName(_ s: String, punctuation: String) -> Bool {
        var ascii = true
        for b in s.utf8 {
            if b >= 0x80 { ascii = false; break }
            guard (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || punctuation.utf8.contains(b) else { return false }
        }
        return ascii || s.allSatisfy { $0.isLetter || $0.isNumber || punctuation.contains($0) }
    }

    /// Replaces `${item.key}` references in strings anywhere inside `value`.
    /// `field` (the path named in errors) is built only for an error: eager paths cost as much as the substitution.
    static func substitute(_ value: JSONValue, item: [String: JSONValue], keys: [String], field: @autoclosure () -> String,
                           fail: (String) -> PipelineError) throws -> JSONValue {
        switch value {
        case .string(let s):
            let refs = try references(in: s, field: field(), fail: fail)
            if refs.isEmpty { return value }
            for r in refs where item[r.key] == nil {
                throw fail("\(field()): bad matrix reference '${\(r.text)}' (the matrix has: \(keys.map { "item.\($0)" }.joined(separator: ", ")))")
            }
            if refs.count == 1, refs[0].range == s.startIndex..<s.endIndex, let v = item[refs[0].key] { return v }
            var out = s
            for r in refs.reversed() { out.replaceSubrange(r.range, with: item[r.key]?.interpolationText ?? "") }
            return .string(out)
        case .array(let a):
            return .array(try a.enumerated().map { try substitute($1, item: item, keys: keys, field: "\(field())[\($0)]", fail: fail) })
        case .object(let o):
            return .object(try o.map { ($0.key, try substitute($0.value, item: item, keys: keys, field: "\(field()).\($0.key)", fail: fail)) })
        default:
            return value
        }
    }

    struct Reference { let range: Range<String.Index>; let text: String; let key: String }

    /// The `${item.<key>}` references in `s`. Any other `${...}` is not ours
    /// (shell parameter expansion, say) and is left as written.
    /// Scans UTF-8 bytes (`$`, `{`, `}` are ASCII, so their offsets are valid
    /// String indices): Foundation's `range(of:)` was a fifth of a large matrix's loading.
    static func references(in s: String, field: @autoclosure () -> String, fail: (String) -> PipelineError) throws -> [Reference] {
        let u = s.utf8
        var refs: [Reference] = []
        var search = u.startIndex
        while let open = u[search...].firstIndex(of: UInt8(ascii: "$")) {
            var j = open
            var matched = 0
            while matched < referencePrefix.count, j < u.endIndex, u[j] == referencePrefix[matched] { j = u.index(after: j); matched += 1 }
            guard matched == referencePrefix.count else { search = u.index(after: open); continue }
            guard let close = u[j...].firstIndex(of: UInt8(ascii: "}")) else {
                throw fail("\(field()): unterminated matrix reference in '\(s)'")
            }
            let text = String(s[u.index(open, offsetBy: 2)..<close])
            guard text.count > 5 else { throw fail("\(field()): bad matrix reference '${\(text)}' (expected ${item.<key>})") }
            let after = u.index(after: close)
            refs.append(Reference(range: open..<after, text: text, key: String(text.dropFirst(5))))
            search = after
        }
        return refs
    }

    private static let referencePrefix = Array("${item.".utf8)

    static func checkNoReferences(_ value: JSONValue, field: String, fail: (String) -> PipelineError) throws {
        switch value {
        case .string(let s):
            if let r = try references(in: s, field: field, fail: fail).first {
                throw fail("\(field): bad matrix reference '${\(r.text)}' (the stage has no matrix)")
            }
        case .array(let a): for (i, v) in a.enumerated() { try checkNoReferences(v, field: "\(field)[\(i)]", fail: fail) }
        case .object(let o): for m in o { try checkNoReferences(m.value, field: "\(field).\(m.key)", fail: fail) }
        default: break
        }
    }

    /// An optional array of strings; [] when absent.
    static func strings(_ value: JSONValue?, field: String, plural: String, singular: String,
                        fail: (String) -> PipelineError) throws -> [String] {
        guard let value else { return [] }
        guard case .array(let items) = value else { throw fail("\(field): expected an array of \(plural), found \(value.kindDescription)") }
        return try items.enumerated().map { i, item in
            guard let s = item.stringValue else { throw fail("\(field)[\(i)]: expected \(singular) string, found \(item.kindDescription)") }
            return s
        }
    }

    static func parseResources(_ value: JSONValue?, fail: (String) -> PipelineError) throws -> Resources? {
        guard let value else { return nil }
        guard case .object(let fields) = value else { throw fail("resources: expected an object, found \(value.kindDescription)") }
        var r = Resources()
        for f in fields {
            switch f.key {
            case "cpus":
                guard let n = f.value.intValue, n >= 1 else { throw fail("resources.cpus: expected a positive integer, found \(CanonicalJSON.string(f.value))") }
                r.cpus = n
            case "mem":
                guard let s = f.value.stringValue, s.range(of: #"^[0-9]+[KMGT]?$"#, options: .regularExpression) != nil else {
                    throw fail("resources.mem: expected a size such as \"2G\", found \(CanonicalJSON.string(f.value))")
                }
                r.mem = s
            case "time":
                guard let s = f.value.stringValue, s.range(of: #"^([0-9]+-)?[0-9]+:[0-5][0-9]:[0-5][0-9]$"#, options: .regularExpression) != nil else {
                    throw fail("resources.time: expected a duration such as \"1:00:00\", found \(CanonicalJSON.string(f.value))")
                }
                r.time = s
            default:
                throw fail("resources: unknown field '\(f.key)' (expected: cpus, mem, time)")
            }
        }
        return r
    }
}
