/// What `pipeline run` was asked to do.
public struct RunOptions: Sendable {
    /// Stage names, templates or globs; empty means all.
    public var targets: [String] = []
    /// Rerun the targets even when cached.
    public var force = false
    /// Rerun the targets and everything downstream of them.
    public var forceDownstream = false
    /// Report what would run and why; change nothing.
    public var dryRun = false
    /// Replace workspace files at output paths that pipeline did not write.
    public var forceOutputs = false
    /// Total threads for concurrently running stages (at least 1).
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// This run's stop request (`Cancellation`): a new, unrequested token per value.
    public var cancellation = Cancellation()
    /// pipeline.lock.json's read, when the caller started it before loading the
    /// pipeline (`LockFile.Reading`); nil reads the file at the start of the run.
    public var lockFile: LockFile.Reading?
    /// The process exits right after the run (the command line): its tables are
    /// then left to the operating system (`ExitLeak`) instead of freed one by one.
    public var processExitsAfter = false

    public init() {}
}

import Foundation

/// The outcome of a run, for the summary line and the exit code.
public struct RunSummary: Sendable {
    public var ran = 0
    public var cached = 0
    public var failed = 0
    public var restored = 0
    public var interrupted = false
}
