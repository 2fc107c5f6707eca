import Foundation
import Support
import Testing
@testable import Nets

/// OpenBLAS is loaded with one pinned kernel, whatever the CPU or the environment says.
@Suite struct OpenBLASTests {
    @Test func pinsHaswellWhereAVX2AndFMAExistElsePrescott() {
        #expect(OpenBLAS.pinnedKernel(cpuFlags: ["sse2", "avx", "avx2", "fma", "avx512f"]) == "Haswell")
        #expect(OpenBLAS.pinnedKernel(cpuFlags: ["sse2", "avx", "avx2"]) == "Prescott")
        #expect(OpenBLAS.pinnedKernel(cpuFlags: ["sse2", "sse3"]) == "Prescott")
        #expect(OpenBLAS.pinnedKernel(cpuFlags: nil) == "Haswell")
    }

    @Test func theLoadedLibraryRunsThePinnedKernelSingleThreaded() throws {
        let blas = try OpenBLAS.loaded()
        print("OpenBLAS: \(blas.config)")
        #expect(blas.kernel == OpenBLAS.pinnedKernel(cpuFlags: CPUInfo.current.flags))
        #expect(blas.version == "0.3.21")
        #expect(blas.config.contains(" \(blas.kernel) "))
        #expect(blas.threads == 1)
    }

    @Test func loadingPutsTheCallersEnvironmentBack() throws {
        setenv("OPENBLAS_CORETYPE", "Zen", 1)
        unsetenv("OPENBLAS_NUM_THREADS")
        defer { unsetenv("OPENBLAS_CORETYPE") }
        _ = try OpenBLAS.load(kernel: "Haswell").get()
        #expect(getenv("OPENBLAS_CORETYPE").map { String(cString: $0) } == "Zen")
        #expect(getenv("OPENBLAS_NUM_THREADS") == nil)
    }

    @Test func identityNamesLibraryKernelAndVersion() throws {
        let facts = try Numerics.facts()
        #expect(facts.map(\.name) == ["blas", "kernel", "lanes", "libc", "numerics"])
        #expect(facts.first { $0.name == "blas" }?.value == "OpenBLAS 0.3.21")
        #expect(facts.first { $0.name == "kernel" }?.value == "Haswell")
        #expect(facts.first { $0.name == "numerics" }?.value == String(Numerics.version))
    }
}
