/// A failure talking to Slurm (a command missing, timing out, exiting non-zero
/// or printing something unexpected) or of a submitted job. The message names
/// the command or job and quotes what Slurm said.
public struct SlurmError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
