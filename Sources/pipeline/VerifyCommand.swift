import ArgumentParser
import Workflow

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "Re-hash the store; quarantine corrupt objects (exit 1 if any).")

    @OptionGroup var project: ProjectOptions

    func run() throws {
        let (_, store) = try project.load()
        let lock = StoreLock(store: store)
        let report: StoreMaintenance.VerifyReport
        do {
            try lock.acquire { Console().error($0) }
            report = try StoreMaintenance(store: store).verify()
        } catch { fail(error) }
        lock.release()
        for c in report.corrupt { print("corrupt \(c.hash) (content hashes to \(c.actual)): moved to quarantine/") }
        for r in report.invalidated { print("invalidated run of \(r.stage) (\(r.key)): it will run again") }
        print("\(report.checked) objects checked, \(report.corrupt.count) corrupt")
        if !report.corrupt.isEmpty || !report.invalidated.isEmpty { throw ExitCode(1) }
    }
}
