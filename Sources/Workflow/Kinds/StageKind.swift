import Foundation

/// A kind of stage: typed parameters, a version, and a deterministic function
/// from input artifacts to output artifacts.
///
/// Contract:
/// - `run` reads its inputs only through `context` and writes its outputs only
///   into `context.outputDirectory` (files, possibly in subfolders). When `run`
///   returns, the engine hashes every file there and publishes them atomically;
///   when it throws, nothing is published.
/// - Same params and same input bytes must give the same output bytes, whatever
///   `context.threads` is and whatever else runs at the same time.
/// - `version` is part of the cache key: bump it when a change to the kind's own
///   code changes what it writes. A change of the shared arithmetic underneath
///   (BLAS, the numerics library) is the `NumericsIdentity`'s business, not a
///   kind bump.
/// - A kind whose output bytes depend on floating-point arithmetic declares
///   `numeric`; its key then includes the registry's `NumericsIdentity`.
/// - `run` may be called on any thread, and several stages may run at once.
public protocol StageKind: Sendable {
    associatedtype Params: Codable & Sendable

    /// The name used as `"kind"` in pipeline.json.
    static var name: String { get }
    /// Bumped whenever the kind's outputs could change for the same inputs.
    static var version: Int { get }
    /// How many cores the stage can use well; the scheduler gives at most this.
    static var maxThreads: Int { get }
    /// True if `run` reads `context.threads` again while it works (say, at
    /// every epoch): the scheduler may then lend it cores that free up while
    /// nothing else is ready to run. False (the default) means it reads the
    /// count once, so lent cores would sit idle.
    static var growsThreads: Bool { get }
    /// True if the kind uses as many cores as the stage's `resources.cpus` says
    /// (a shell command, whose needs only the user knows): its maxThreads is then
    /// `resources.cpus` (1 without it). False: `resources.cpus` only caps `maxThreads`.
    static var threadsFromResources: Bool { get }
    /// A one-line description for `pipeline kinds` and the docs.
    static var summary: String { get }
    /// Output files that may differ between runs of the same key (wall-clock
    /// times, say). They are published and recorded like any output, but left
    /// out of dependents' cache keys, so a rerun that changes only them does
    /// not make its dependents stale.
    static var volatileOutputs: Set<String> { get }
    /// True when the outputs' bytes depend on floating-point arithmetic (BLAS,
    /// libm, the numerics library's kernels), so they may differ under another
    /// library, kernel or numerics version. Such a kind's cache key includes
    /// the `NumericsIdentity`; one that only moves, parses or counts bytes
    /// (download, decompress, split, write, shell) keeps it out.
    static var numeric: Bool { get }
    /// The inputs `run` reads, by role. The loader rejects a stage that does
    /// not provide them. Empty (the default) means the kind takes whatever
    /// dependencies it is given (`shell`, `concat`-like kinds).
    static var inputs: [InputRole] { get }

    init()
    /// Checks params beyond their types when the pipeline is loaded (say, a path
    /// that must stay inside the output folder), so a bad value is a load error
    /// (exit 2) rather than a failure when the stage runs. The default accepts all.
    static func validate(_ params: Params) throws
    /// A direct decoder for the common, well-formed shape of params, so large
    /// matrices skip JSONDecoder/JSONEncoder: returns the Params and the exact
    /// canonical value the Codable path would give (same members and values; key
    /// order is CanonicalJSON's business), or nil to leave the value, and the
    /// wording of any error, to the Codable path. The default returns nil.
    /// `validate` still runs on the result.
    static func decodeDirect(_ value: JSONValue) -> (params: Params, canonical: JSONValue)?
    func run(_ params: Params, in context: StageContext) throws
}

extension StageKind {
    public static var maxThreads: Int { 1 }
    public static var growsThreads: Bool { false }
    public static var threadsFromResources: Bool { false }
    public static func validate(_ params: Params) throws {}
    public static func decodeDirect(_ value: JSONValue) -> (params: Params, canonical: JSONValue)? { nil }
    public static var summary: String { "" }
    public static var volatileOutputs: Set<String> { [] }
    public static var numeric: Bool { false }
    public static var inputs: [InputRole] { [] }
}

/// The outputs of one dependency, as the running stage sees them.
public struct StageInput: Sendable {
    /// The full instance name of the producing stage, e.g. `init@s42`.
    public let stage: String
    /// Output file name (relative path) -> read-only file in the store.
    public let files: [String: URL]
    /// Output file name -> SHA-256 hex of its content.
    public let hashes: [String: String]
    /// Wall-clock seconds the producing run took (from its run record), when known.
    public let seconds: Double?

    public init(stage: String, files: [String: URL], hashes: [String: String], seconds: Double? = nil) {
        self.stage = stage; self.files = files; self.hashes = hashes; self.seconds = seconds
    }

    /// The file named `name`, or an error naming the stage and what it does have.
    public func url(_ name: String) throws -> URL {
        guard let url = files[name] else {
            throw StageError("input from '\(stage)' has no output '\(name)' (it has: \(files.keys.sorted().joined(separator: ", ")))")
        }
        return url
    }
}

/// An error a stage throws: its message is shown to the user as is, after the stage name.
public struct StageError: Error, CustomStringConvertible, Sendable {
    public let message: String
    /// The exit status of a command that failed (kept in the stage's last-run record).
    public let exitStatus: Int32?
    public init(_ message: String, exitStatus: Int32? = nil) { self.message = message; self.exitStatus = exitStatus }
    public var description: String { message }
}
