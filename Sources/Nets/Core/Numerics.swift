import Foundation

/// What the bits of every result of `Nets` depend on besides its inputs.
///
/// `version` is the project-wide numerics version: bump it in the same change
/// as anything that alters `Nets`' arithmetic (a kernel, the order of a sum,
/// the split of a step into `Lanes`), instead of bumping each stage kind that uses `Nets`.
/// The facts go into the cache key of every numeric stage, so a new OpenBLAS,
/// another kernel or a new numerics version reruns exactly those stages.
public enum Numerics {
    /// 1: the first identity (fixed 64-row sgemm blocks, vectorised exp and tanh,
    /// OpenBLAS pinned to one kernel).
    /// 2: products split into two fixed lanes (whole-batch calls but the forward
    /// pass's row halves and the first layer's dW column halves), the SGD
    /// update fused into the backward pass (the same arithmetic).
    public static let version = 2

    /// The facts in order: BLAS library and release, its kernel, the lane
    /// count of the work split, the C library (libm), the numerics version. Fails when OpenBLAS
    /// cannot be loaded.
    public static func facts() throws -> [(name: String, value: String)] {
        let blas = try OpenBLAS.loaded()
        return [("blas", "OpenBLAS \(blas.version)"), ("kernel", blas.kernel), ("lanes", String(Lanes.count)),
                ("libc", libc), ("numerics", String(version))]
    }

    /// `glibc 2.36`: its libm computes the exp, log and tanh outside `Nets`' own kernels.
    static let libc: String = {
        var buffer = [CChar](repeating: 0, count: 64)
        let n = confstr(Int32(_CS_GNU_LIBC_VERSION), &buffer, buffer.count)
        return n > 0 ? String(cString: buffer) : "unknown libc"
    }()
}
