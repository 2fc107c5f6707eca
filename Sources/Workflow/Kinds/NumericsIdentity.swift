/// What a floating-point result's bits depend on beyond its inputs: the BLAS
/// library and version, the pinned kernel, the C library (libm), the
/// project's numerics version. The program that registers kinds supplies it
/// (Workflow knows no BLAS); kinds that declare `StageKind.numeric` get it in
/// their cache key and run record.
///
/// Contract: the same value on every host where the same arithmetic runs, and
/// a different value wherever the bits could differ. So it holds facts only
/// (no host name, CPU model or thread count), and a store shared by hosts
/// never mixes results of different arithmetic.
public struct NumericsIdentity: Sendable, Equatable, CustomStringConvertible {
    public struct Fact: Sendable, Equatable {
        public let name: String
        public let value: String
        public init(_ name: String, _ value: String) { self.name = name; self.value = value }
    }

    /// In the order given; the key's canonical JSON sorts them anyway.
    public let facts: [Fact]

    public init(_ facts: [Fact]) { self.facts = facts }

    /// `{"blas": "OpenBLAS 0.3.21", "kernel": "Haswell", ...}`: what enters the key and the run record.
    public var json: JSONValue { .object(facts.map { ($0.name, .string($0.value)) }) }

    /// Reads `json` back (from a run record); nil for any other shape.
    public init?(json: JSONValue) {
        guard let members = json.objectValue else { return nil }
        var facts: [Fact] = []
        for m in members {
            guard let v = m.value.stringValue else { return nil }
            facts.append(Fact(m.key, v))
        }
        self.facts = facts
    }

    /// `blas OpenBLAS 0.3.21, kernel Haswell, ...`, for `show` and reports.
    public var description: String { facts.map { "\($0.name) \($0.value)" }.joined(separator: ", ") }

    /// The facts that differ from `other`, as `name old -> new`.
    public func changes(from other: NumericsIdentity) -> [String] {
        let old = Dictionary(other.facts.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        let new = Dictionary(facts.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        return Set(old.keys).union(new.keys).sorted().compactMap { name in
            old[name] == new[name] ? nil : "\(name) \(old[name] ?? "(none)") -> \(new[name] ?? "(none)")"
        }
    }
}

/// The numerics identity the kinds of a registry run with, or why there is none
/// (say, OpenBLAS is not installed): a pipeline using a numeric kind then fails
/// to load with that reason.
public enum NumericsEnvironment: Sendable {
    case available(NumericsIdentity)
    case unavailable(String)

    public var identity: NumericsIdentity? {
        if case .available(let id) = self { return id }
        return nil
    }
}
