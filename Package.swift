// swift-tools-version:6.0
import Foundation
import PackageDescription

// NetsKernels, the training loops of Nets (activations, SGD, batch gather,
// bias and column sums), is compiled with -Ounchecked and for Haswell-class
// x86-64 (AVX2, FMA, BMI2: 2013 and later) so they run 8 floats wide; that
// took about 0.2 s off an ELU or Swish epoch. Results are bit-identical to a
// generic build (no fused multiply-add is formed; tested by the checkpoint
// sha256s in `make bench`). Everything else, the parsers of store files
// (safetensors, checkpoints, IDX) included, keeps Swift's checks. `pipeline`
// refuses to start on a CPU without these features;
// `PIPELINE_PORTABLE=1 swift build` builds for any x86-64.
//
// Platforms: Linux only (built and tested on x86-64 Linux with glibc). The
// code uses Linux APIs (`stat.st_mtim`, /proc/cpuinfo, `Synchronization.Atomic`
// beyond what macOS 13 has), so no Apple platform is declared.
#if arch(x86_64)
let haswellNets = ProcessInfo.processInfo.environment["PIPELINE_PORTABLE"] != "1"
#else
let haswellNets = false
#endif

// Layers, arrows pointing down only (see docs/architecture.md):
//   pipeline (executable) -> Study -> Workflow, FashionData, Report, Nets
//   Workflow -> Support, Hashing, Yams;  FashionData -> Nets, Support, Hashing, CZlib;  Nets -> NetsKernels, Support
//   Support (JSON, atomic files, whole-file reads, cpuinfo, mean/std) is below Workflow, Nets, FashionData, Report.
// Nets loads OpenBLAS itself at run time (dlopen, with a pinned kernel: Nets/Core/OpenBLAS.swift),
// so nothing links against it.
let package = Package(
    name: "pipeline",
    products: [
        .executable(name: "pipeline", targets: ["pipeline"]),
        .library(name: "Workflow", targets: ["Workflow"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // YAML params files (`paramsFiles`); a well-kept parser rather than a hand-written one.
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        // System libraries: OpenSSL's libcrypto (SHA-256), zlib.
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL"),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),

        .target(name: "Support"),
        .target(name: "Hashing", dependencies: ["COpenSSL"]),
        .target(name: "Workflow", dependencies: ["Support", "Hashing", .product(name: "Yams", package: "Yams")]),
        .target(name: "NetsKernels",
                swiftSettings: [.unsafeFlags(["-Ounchecked"] + (haswellNets ? ["-target-cpu", "haswell"] : []))]),
        // -O also in debug builds, as when all of Nets was -Ounchecked: training stays fast in the
        // debug-built tests and a step still allocates nothing (BenchTests); -O keeps every check.
        .target(name: "Nets", dependencies: ["NetsKernels", "Support"], swiftSettings: [.unsafeFlags(["-O"])]),
        .target(name: "FashionData", dependencies: ["Nets", "Support", "Hashing", "CZlib"]),
        .target(name: "Report", dependencies: ["Support"]),
        .target(name: "Study", dependencies: ["Workflow", "FashionData", "Nets", "Report", "Hashing"]),
        .executableTarget(name: "pipeline", dependencies: [
            "Study", "Workflow", "Nets", "Support", "Report",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: haswellNets ? [.define("NETS_NEEDS_HASWELL")] : []),
        // Training-speed benchmark (`make bench`). AllocationCount defines malloc & co. to
        // count allocations; the linker exports them so shared libraries call them too.
        .target(name: "AllocationCount", path: "Benchmarks/Sources/AllocationCount"),
        // Register-only multiply-adds: how far the cores scale for pure arithmetic.
        .target(name: "CoreScaling", path: "Benchmarks/Sources/CoreScaling"),
        .executableTarget(name: "pipeline-bench", dependencies: ["Nets", "FashionData", "Hashing", "AllocationCount", "CoreScaling"],
                          path: "Benchmarks/Sources/pipeline-bench",
                          linkerSettings: [.unsafeFlags(["malloc", "calloc", "realloc", "memalign", "aligned_alloc", "posix_memalign"]
                              .flatMap { ["-Xlinker", "--export-dynamic-symbol=\($0)"] })]),

        // Seeded mutation helpers shared by the fuzz tests.
        .target(name: "FuzzSupport", path: "Tests/FuzzSupport"),
        .testTarget(name: "SupportTests", dependencies: ["Support"]),
        .testTarget(name: "HashingTests", dependencies: ["Hashing"]),
        .testTarget(name: "WorkflowTests", dependencies: ["Workflow", "FuzzSupport"]),
        // NetsTests and StudyTests read Tests/fixtures/pytorch/ (PyTorch's reference values) by path.
        .testTarget(name: "NetsTests", dependencies: ["Nets", "NetsKernels", "Support", "Hashing"]),
        .testTarget(name: "FashionDataTests", dependencies: ["FashionData", "Support", "FuzzSupport"]),
        .testTarget(name: "ReportTests", dependencies: ["Report"]),
        .testTarget(name: "StudyTests", dependencies: ["Study"]),
        .testTarget(name: "CLITests", dependencies: [], exclude: ["golden"],  // golden files are read by path
                    swiftSettings: haswellNets ? [.define("NETS_NEEDS_HASWELL")] : []),
        .testTarget(name: "BenchTests", dependencies: ["pipeline-bench", "Nets", "CoreScaling"], path: "Benchmarks/Tests/BenchTests"),
    ]
)
