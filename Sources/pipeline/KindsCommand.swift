import ArgumentParser

struct KindsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kinds", abstract: "List the registered stage kinds and their params.")

    func run() throws {
        for k in ProjectOptions.registry.all {
            print("\(k.name) (version \(k.version)\(k.numeric ? ", numeric" : "")): \(k.summary)")
            for f in k.fields { print("  \(f.name): \(f.type)\(f.optional ? " (optional)" : "")") }
            if !k.inputs.isEmpty { print("  inputs: " + k.inputs.map(\.description).joined(separator: ", ")) }
        }
    }
}
