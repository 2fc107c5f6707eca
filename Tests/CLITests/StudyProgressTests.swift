import Foundation
import Testing

/// Training progress on a terminal: transient "epoch i/n batch b/m" lines
/// (carriage return + clear line), each cleared before the next plain line,
/// and the same one plain line per epoch as off a terminal. The terminal is
/// a pseudo-terminal from util-linux `script`.
@Suite struct StudyProgressTests {
    static let script = "/usr/bin/script"
    static let stage = "train@relu-s42"

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: script)))
    func terminalShowsTransientProgressAndPlainEpochLines() throws {
        let cli = try CLI(pipeline: MiniStudy.pipeline())
        defer { cli.remove() }
        let bin = try #require(CLI.binary)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.script)
        p.arguments = ["-qec", "'\(bin.path)' run \(Self.stage) --cache-dir \(CLI.store)", "/dev/null"]
        p.currentDirectoryURL = cli.dir
        let out = Pipe()
        p.standardOutput = out
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        // The terminal turns "\n" into "\r\n"; undo that to see the program's own "\r".
        let raw = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        let clear = "\r\u{1B}[K"
        #expect(raw.contains("\(clear)\(Self.stage): epoch 1/3  batch ")
                || raw.contains("\(clear)\(Self.stage): epoch 2/3  batch ")
                || raw.contains("\(clear)\(Self.stage): epoch 3/3  batch "), "no transient training progress")
        // Stripping the transient parts leaves the plain lines of a non-terminal run.
        let plain = raw.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line.components(separatedBy: clear).last ?? "")
        }.joined(separator: "\n")
        #expect(loggedEpochs(plain, stage: Self.stage) == [1, 2, 3])
        #expect(!plain.contains("\r"))
        #expect(normalized(lines(plain, startingWith: "6 ran").joined()) == "6 ran, 0 cached, 0 failed in Ns")
    }
}
