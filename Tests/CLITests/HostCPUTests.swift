import Foundation
import Testing

/// `pipeline` checks the CPU features its tuned `NetsKernels` needs before
/// running anything (PIPELINE_CPUINFO stands in for /proc/cpuinfo). A build
/// without the tuning (`PIPELINE_PORTABLE=1`, or not x86-64) has no check:
/// Package.swift defines NETS_NEEDS_HASWELL for this target exactly when it
/// defines it for `pipeline`.
@Suite struct HostCPUTests {
    func cli(flags: String) throws -> CLI {
        var cli = try CLI(pipeline: #"{"version": 1, "stages": {}}"#)
        let info = cli.dir.appendingPathComponent("cpuinfo")
        try Data("processor\t: 0\nvendor_id\t: AuthenticAMD\nflags\t\t: \(flags)\n\n".utf8).write(to: info)
        cli.environment["PIPELINE_CPUINFO"] = info.path
        return cli
    }

    @Test func aCPUWithoutAVX2IsRefusedWithOneLineNamingWhatIsMissing() throws {
        let out = try cli(flags: "fpu sse sse2 avx popcnt abm").run("--version")
        #if NETS_NEEDS_HASWELL
        #expect(out.code == 2)
        #expect(out.stdout == "")
        #expect(out.stderr == "pipeline: error: this build needs an x86-64 CPU with AVX2 and FMA (Haswell or later); "
                + "this CPU lacks avx2, fma, bmi1, bmi2, f16c, movbe. Rebuild with "
                + "`PIPELINE_PORTABLE=1 swift build -c release` (same results, slower epochs).\n")
        #else
        #expect(out.code == 0)
        #expect(out.stdout.hasPrefix("pipeline "))
        #endif
    }

    @Test func aHaswellClassCPUPasses() throws {
        let out = try cli(flags: "fpu sse sse2 avx avx2 fma bmi1 bmi2 f16c movbe abm popcnt").run("--version")
        #expect(out.code == 0)
        #expect(out.stdout.hasPrefix("pipeline "))
    }
}
