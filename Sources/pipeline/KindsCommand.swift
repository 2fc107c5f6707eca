import ArgumentParser

struct KindsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kinds", abstract: "List the registered stage kinds and their params.")

    func run() throws {
        for k in ProjectOptions.registry.all {
            print("\(k.name) (version \(k.version)): \(k.summary)")
            for f in k.fields { print("  \(f.name): \(f.type)\(f.optional ? " (optional)" : "")") }
        }
    }
}
