import ArgumentParser

/// The root command; subcommands do the work.
struct PipelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "Run a content-addressed batch pipeline described by pipeline.json.",
        subcommands: [RunCommand.self, StatusCommand.self, DagCommand.self, ShowCommand.self,
                      VerifyCommand.self, GCCommand.self, KindsCommand.self, CheckCommand.self])
}
