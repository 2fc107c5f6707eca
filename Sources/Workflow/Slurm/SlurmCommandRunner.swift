import Foundation

/// Runs one Slurm client command (`sbatch`, `scontrol`, `scancel`, `squeue`)
/// and returns its stdout; fails with `SlurmError` quoting stderr when the
/// command cannot start, exits non-zero or exceeds `timeout` seconds (a hung
/// controller must not hang the pipeline). Stateless and thread-safe.
public struct SlurmCommandRunner: Sendable {
    public var timeout: Double

    public init(timeout: Double = 60) { self.timeout = timeout }

    /// The command's stdout; `stdin`, when given, is written to its input.
    public func run(_ command: String, _ arguments: [String], stdin: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [command] + arguments
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        let shown = ([command] + arguments).joined(separator: " ")
        do { try process.run() } catch { throw SlurmError("\(shown): cannot start: \(error)") }
        if let stdin {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try? input.fileHandleForWriting.close()
        }
        // Read both pipes on other threads so a chatty command cannot block on a full pipe.
        let collected = Collected()
        let group = DispatchGroup()
        for (pipe, isOut) in [(out, true), (err, false)] {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.set(data, isOut: isOut)
                group.leave()
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            _ = group.wait(timeout: .now() + 2)
            throw SlurmError("\(shown): no answer within \(Int(timeout))s (is slurmctld running and SLURM_CONF right?)")
        }
        group.wait()
        let stdout = String(decoding: collected.out, as: UTF8.self)
        let stderr = String(decoding: collected.err, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let what = process.terminationReason == .exit ? "exited with status \(process.terminationStatus)" : "was killed by signal \(process.terminationStatus)"
            throw SlurmError("\(shown): \(what)" + (stderr.isEmpty ? "" : ": \(stderr)"))
        }
        return stdout
    }

    /// Output of the two reader threads; guarded by a lock.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var out = Data()
        private(set) var err = Data()
        func set(_ data: Data, isOut: Bool) { lock.lock(); if isOut { out = data } else { err = data }; lock.unlock() }
    }
}
