import Foundation
import Support

/// OpenBLAS, loaded at run time with one pinned kernel, so that a product
/// gives the same bits on every x86-64 host.
///
/// Why: Debian's OpenBLAS is a DYNAMIC_ARCH build that picks its kernel from
/// the CPU when it is loaded (Haswell, Zen, SkylakeX, Cooperlake, or Prescott
/// for a CPU it does not know), and each kernel rounds differently. It reads
/// `OPENBLAS_CORETYPE` in its load-time constructor, so the variable must be
/// set before the library is loaded: `pipeline` is therefore not linked
/// against it; this type sets the variable and `dlopen`s the library on first
/// use, then puts the caller's environment back (child processes, such as a
/// shell stage's numpy, see the variables the user set, not ours).
///
/// Contract:
/// - The kernel is `pinnedKernel(cpuFlags:)`: Haswell (AVX2 + FMA) on every
///   CPU that has both, whatever `OPENBLAS_CORETYPE` says; Prescott (SSE3)
///   on an x86-64 CPU without them, which gives other bits, so the kernel is
///   part of `Numerics.identity` and of the numeric stages' cache keys.
/// - Loading happens once per process (thread-safe). It briefly changes the
///   process environment (`setenv`), so a program should trigger it before it
///   starts threads that read the environment: `pipeline` does so in `main`.
/// - OpenBLAS always runs single-threaded (see `BLAS`).
public struct OpenBLAS: @unchecked Sendable {
    /// The shared object opened, by its soname (Debian: the active alternative).
    public static let soname = "libopenblas.so.0"

    /// `openblas_get_config()`, e.g. `OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH NO_AFFINITY Haswell MAX_THREADS=64`.
    public let config: String
    /// `openblas_get_corename()`: the kernel family in use, e.g. `Haswell`.
    public let kernel: String
    /// The release, e.g. `0.3.21` (the word after `OpenBLAS` in `config`).
    public var version: String {
        let words = config.split(separator: " ")
        return words.count > 1 && words[0] == "OpenBLAS" ? String(words[1]) : "unknown"
    }

    typealias Sgemm = @convention(c) (Int32, Int32, Int32, Int32, Int32, Int32, Float,
                                      UnsafePointer<Float>?, Int32, UnsafePointer<Float>?, Int32,
                                      Float, UnsafeMutablePointer<Float>?, Int32) -> Void
    let sgemm: Sgemm
    let getThreads: @convention(c) () -> Int32

    /// The library of this process, loaded on first use; the error says why it could not be.
    public static let shared: Result<OpenBLAS, NetsError> = load(kernel: pinnedKernel(cpuFlags: CPUInfo.current.flags))

    /// The loaded library, or the error naming what is missing.
    public static func loaded() throws -> OpenBLAS { try shared.get() }

    /// Loads the library if that has not happened yet; failures are kept for `loaded()`.
    public static func preload() { _ = shared }

    /// Haswell when the CPU has AVX2 and FMA (or its flags cannot be read: every
    /// host this project supports has them), else Prescott.
    public static func pinnedKernel(cpuFlags: Set<String>?) -> String {
        guard let flags = cpuFlags else { return "Haswell" }
        return flags.contains("avx2") && flags.contains("fma") ? "Haswell" : "Prescott"
    }

    /// Sets the loader's variables, opens the library, restores the environment.
    static func load(kernel: String) -> Result<OpenBLAS, NetsError> {
        let pinned: [(String, String)] = [("OPENBLAS_CORETYPE", kernel), ("OPENBLAS_NUM_THREADS", "1")]
        let saved = pinned.map { name, _ in (name, getenv(name).map { String(cString: $0) }) }
        for (name, value) in pinned { setenv(name, value, 1) }
        // Lazy binding, and OpenBLAS's references to its own symbols resolved in its own
        // scope first (DEEPBIND) rather than after the ~50 libraries of a Swift program:
        // callgrind counted 36M instructions for RTLD_NOW, 19M for RTLD_LAZY and 7M with
        // RTLD_DEEPBIND added (a no-op run is about 90M). One consequence: OpenBLAS's own
        // malloc calls bind to libc's, past an interposed allocator (pipeline-bench's counter).
        let handle = dlopen(soname, RTLD_LAZY | RTLD_LOCAL | RTLD_DEEPBIND)
        let loadError = handle == nil ? dlerror().map { String(cString: $0) } ?? "unknown error" : nil
        for (name, value) in saved {
            if let value { setenv(name, value, 1) } else { unsetenv(name) }
        }
        guard let handle else {
            return .failure(NetsError("cannot load OpenBLAS (\(soname)): \(loadError ?? ""); install Debian's libopenblas0 (make deps)"))
        }
        func symbol<T>(_ name: String, as _: T.Type) -> T? {
            dlsym(handle, name).map { unsafeBitCast($0, to: T.self) }
        }
        typealias Text = @convention(c) () -> UnsafePointer<CChar>?
        typealias SetThreads = @convention(c) (Int32) -> Void
        guard let sgemm = symbol("cblas_sgemm", as: Sgemm.self),
              let config = symbol("openblas_get_config", as: Text.self),
              let corename = symbol("openblas_get_corename", as: Text.self),
              let setThreads = symbol("openblas_set_num_threads", as: SetThreads.self),
              let getThreads = symbol("openblas_get_num_threads", as: (@convention(c) () -> Int32).self) else {
            return .failure(NetsError("\(soname) lacks cblas_sgemm or the openblas_get_* functions: not an OpenBLAS build"))
        }
        setThreads(1)
        return .success(OpenBLAS(config: config().map { String(cString: $0) } ?? "OpenBLAS",
                                 kernel: corename().map { String(cString: $0) } ?? "unknown",
                                 sgemm: sgemm, getThreads: getThreads))
    }

    /// OpenBLAS's own thread count (always 1 here).
    public var threads: Int { Int(getThreads()) }
}
