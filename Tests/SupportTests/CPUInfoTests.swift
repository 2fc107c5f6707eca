import Foundation
import Testing
import Support

@Suite struct CPUInfoTests {
    func file(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cpuinfo-\(UUID().uuidString)")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func readsTheFirstFieldOfItsName() throws {
        let path = try file("processor\t: 0\nmodel name\t: Example CPU @ 2.00GHz\nflags\t\t: fpu sse avx2\n\nprocessor\t: 1\nmodel name\t: Other\n")
        defer { unlink(path) }
        #expect(CPUInfo.model(path: path) == "Example CPU @ 2.00GHz")
        #expect(CPUInfo.flags(path: path) == ["fpu", "sse", "avx2"])
        #expect(CPUInfo.field("processor", path: path) == "0")
        #expect(CPUInfo.field("model", path: path) == nil)  // whole names only
    }

    @Test func anUnreadableFileIsNil() {
        #expect(CPUInfo.field("flags", path: "/nonexistent/cpuinfo") == nil)
        #expect(CPUInfo.model(path: "/nonexistent/cpuinfo") == "unknown")
    }

    @Test func readGivesModelAndFlagsFromOnePass() throws {
        let path = try file("processor\t: 0\nflags\t\t: fpu avx2 fma\nmodel name\t: Example\nflags\t: other\n")
        defer { unlink(path) }
        #expect(CPUInfo.read(path: path) == CPUFacts(model: "Example", flags: ["fpu", "avx2", "fma"]))
        #expect(CPUInfo.read(path: "/nonexistent/cpuinfo") == CPUFacts(model: "unknown", flags: nil))
    }

    /// The process's facts are read once: once read, another path (or a changed file) does not count.
    /// (All test targets share one process, whose OpenBLAS reads `current`: so only the real file here.)
    @Test func theProcessReadsItsCPUInfoOnce() throws {
        let real = CPUInfo.current
        #expect(real == CPUInfo.read(path: CPUInfo.defaultPath))
        let path = try file("model name\t: Other\nflags\t: sse\n")
        defer { unlink(path) }
        #expect(CPUInfo.startUp(path: path) == real)
        #expect(CPUInfo.current == real)
    }
}
