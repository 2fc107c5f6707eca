import ArgumentParser

/// `--md` and `--json`, shared by the commands that print comparison tables (default: aligned text).
struct TableFormat: ParsableArguments {
    @Flag(help: "Print a Markdown table.") var md = false
    @Flag(help: "Print JSON.") var json = false

    func validate() throws { if md && json { throw ValidationError("--md and --json exclude each other") } }
}
