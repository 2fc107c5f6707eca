import Foundation
import Testing
@testable import Workflow

/// What the test and `GateKind` share: the kind says it started, then waits
/// until its run is cancelled or the test opens the gate. No sleeps: each side
/// waits on a condition the other signals.
final class Gate: @unchecked Sendable {
    private let cond = NSCondition()
    private var started = 0, open = false, woken = false

    func didStart() { cond.lock(); started += 1; cond.broadcast(); cond.unlock() }
    func waitUntilStarted(_ n: Int) { cond.lock(); while started < n { cond.wait() }; cond.unlock() }
    func openGate() { cond.lock(); open = true; cond.broadcast(); cond.unlock() }
    func wake() { cond.lock(); woken = true; cond.broadcast(); cond.unlock() }
    /// Blocks until `cancellation` is requested (true) or the gate opens (false).
    func wait(_ cancellation: Cancellation) -> Bool {
        cancellation.whenRequested { [self] in wake() }
        cond.lock(); defer { cond.unlock() }
        while !open && !cancellation.isRequested { cond.wait() }
        return cancellation.isRequested
    }
}

/// Writes a partial output, then waits at the gate; a cancelled run throws.
struct GateKind: StageKind {
    struct Params: Codable, Sendable {}
    static let name = "gate"
    static let version = 1
    static let gate = Gate()
    func run(_ p: Params, in c: StageContext) throws {
        try c.write(Data("partial".utf8), to: "out.txt")
        Self.gate.didStart()
        if Self.gate.wait(c.cancellation) { throw StageError("cancelled") }
        try c.write(Data("whole".utf8), to: "out.txt")
    }
}

/// The engine's run on another thread, joined with `wait()`.
private final class Running: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<RunSummary, Error>?
    init(_ body: @escaping @Sendable () throws -> RunSummary) {
        Thread.detachNewThread { [self] in result = Result { try body() }; done.signal() }
    }
    func wait() throws -> RunSummary { done.wait(); return try result!.get() }
}

/// A run's cancellation stops that run only: it ends interrupted with nothing
/// published, and the same engine, in the same process, then runs to success.
@Test func aCancelledRunStopsAndTheSameEngineRunsAgain() throws {
    let p = try Project()
    let text = #"{"version": 1, "stages": {"g": {"kind": "gate", "params": {}}}, "outputs": [{"stage": "g", "path": "out"}]}"#
    let pipeline = try p.load(text, registry: KindRegistry([GateKind.self]))
    let engine = Engine(pipeline: pipeline, store: p.store, console: Console(isTerminal: false))
    var first = RunOptions(); first.jobs = 1
    let token = first.cancellation
    let options = first
    let running = Running { try engine.run(options) }
    GateKind.gate.waitUntilStarted(1)
    token.request()
    let cancelled = try running.wait()
    #expect(cancelled.interrupted && cancelled.ran == 0 && cancelled.failed == 0)
    // Nothing published: no record, no lock-file entry, no workspace output, no staging left.
    #expect(try FileManager.default.contentsOfDirectory(atPath: p.store.runs.path).isEmpty)
    #expect(try p.lock().entries.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: p.root.appendingPathComponent("out/out.txt").path))
    #expect(try FileManager.default.contentsOfDirectory(atPath: p.store.tmp.path).isEmpty)

    // Again, with a new token (the gate open this time): it runs and publishes.
    GateKind.gate.openGate()
    var second = RunOptions(); second.jobs = 1
    let summary = try engine.run(second)
    #expect(!summary.interrupted && summary.ran == 1 && summary.failed == 0)
    #expect(try String(contentsOf: p.root.appendingPathComponent("out/out.txt"), encoding: .utf8) == "whole")
    #expect(try p.lock().entries["g"] != nil)
}

/// A shell stage's command is stopped by its run's token (the process group
/// gets SIGTERM); the run ends interrupted and records nothing.
@Test func cancellingARunStopsItsShellCommand() throws {
    let p = try Project()
    let fifo = p.root.appendingPathComponent("started")
    #expect(mkfifo(fifo.path, 0o600) == 0)
    // The command says it started through the FIFO (the test's open blocks until then), then sleeps.
    let text = #"{"version": 1, "stages": {"s": {"kind": "shell", "params": {"cmd": "echo partial > \"$OUT/x\"; echo go > started; sleep 60"}}}}"#
    let engine = Engine(pipeline: try p.load(text, registry: KindRegistry([ShellKind.self])), store: p.store, console: Console(isTerminal: false))
    let options = RunOptions()
    let running = Running { try engine.run(options) }
    let fd = open(fifo.path, O_RDONLY)
    #expect(fd >= 0)
    var byte: UInt8 = 0
    #expect(read(fd, &byte, 1) == 1 && byte == UInt8(ascii: "g"))
    close(fd)
    options.cancellation.request()
    let summary = try running.wait()
    #expect(summary.interrupted && summary.ran == 0 && summary.failed == 0)
    #expect(try FileManager.default.contentsOfDirectory(atPath: p.store.runs.path).isEmpty)
    #expect(try p.lock().entries.isEmpty)
    // The token is the run's: a new run is not cancelled.
    #expect(!RunOptions().cancellation.isRequested)
}

/// The token's own contract: actions run once, on the first request, or at once when already requested.
@Test func cancellationRunsItsActionsOnce() {
    let c = Cancellation()
    final class Count: @unchecked Sendable { var n = 0 }
    let count = Count()
    c.whenRequested { count.n += 1 }
    #expect(!c.isRequested && count.n == 0)
    c.request(); c.request()
    #expect(c.isRequested && count.n == 1)
    c.whenRequested { count.n += 10 }
    #expect(count.n == 11)
}
