import Foundation
import Testing
@testable import Report

struct GnuplotTests {
    private func tempFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("report-gp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func gnuplotIsFoundOnThisMachine() {
        #expect(Gnuplot.isAvailable)
        #expect(Gnuplot.locate()?.lastPathComponent == "gnuplot")
    }

    @Test func missingGnuplotStillWritesFilesAndSaysHowToDraw() throws {
        let folder = try tempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fig = BarGroupsFigure(groups: [BarGroup(title: "t", labels: ["a"], values: [1])], yLabel: "y")
        #expect(Gnuplot.locate(searchPath: "/nonexistent:/also-missing") == nil)
        do {
            try fig.render(to: folder, name: "bars", searchPath: "/nonexistent:/also-missing")
            Issue.record("render succeeded without gnuplot")
        } catch let error as GnuplotError {
            #expect(error == .notFound(script: "bars.gp"))
            #expect(error.description == "gnuplot not found: install gnuplot-nox; the .dat and .gp files are written, "
                + "run `gnuplot bars.gp` to draw")
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("bars.dat").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("bars.gp").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("bars.svg").path))
    }

    @Test func aFailingScriptReportsStatusAndStderr() throws {
        let folder = try tempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("broken.gp")
        try Data("set terminal svg\nset output 'broken.svg'\nplot 'no-such-file.dat' using 1:2\n".utf8).write(to: script)
        do {
            try Gnuplot.render(script: script)
            Issue.record("broken script succeeded")
        } catch {
            guard case .failed(let name, let status, let stderr) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(name == "broken.gp" && status != 0)
            #expect(stderr.contains("no-such-file.dat"))
            #expect(error.description.hasPrefix("gnuplot failed on broken.gp (exit status"))
        }
    }

    @Test func aHangingScriptIsStoppedAtTheTimeout() throws {
        let folder = try tempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("slow.gp")
        try Data("pause 30\n".utf8).write(to: script)
        // Returning at all (the script pauses 30 s) with this error is the check.
        #expect(throws: GnuplotError.timedOut(script: "slow.gp", seconds: 0.5)) {
            try Gnuplot.render(script: script, timeout: 0.5)
        }
    }

    @Test func textIsQuotedForEnhancedMode() {
        #expect(GnuplotText.quoted("f'(x)") == "'f''(x)'")
        #expect(GnuplotText.quoted("act_1^2 {a}") == "'act\\_1\\^2 \\{a\\}'")
        #expect(GnuplotText.dataField("say \"hi\"\nthere") == "\"say 'hi' there\"")
    }

    @Test func stridedSampleIsEvenAndDeterministic() {
        #expect(stridedSample(Array(0..<10), limit: 4) == [0, 2, 5, 7])
        #expect(stridedSample(Array(0..<3), limit: 4) == [0, 1, 2])
        #expect(stridedSample(Array(0..<3), limit: 0) == [])
    }
}
