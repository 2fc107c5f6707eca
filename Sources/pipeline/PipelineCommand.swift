import ArgumentParser
import Workflow

/// The root command; subcommands do the work.
struct PipelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "Run a content-addressed batch pipeline described by pipeline.json.",
        version: ToolInfo.version,
        subcommands: [RunCommand.self, StatusCommand.self, DagCommand.self, ShowCommand.self, LogCommand.self,
                      VerifyCommand.self, GCCommand.self, KindsCommand.self, CheckCommand.self,
                      ExpCommand.self, ParamsCommand.self, MetricsCommand.self])
}
