import Foundation

/// The OpenBLAS backend and the thread count the nets use.
///
/// Determinism: OpenBLAS's own threading changes results (sgemm with 1 and 2
/// OpenBLAS threads differs in the last bits, measured on 0.3.21), so OpenBLAS
/// always runs single-threaded here, and every product is one sgemm call over
/// a piece fixed by the shapes alone (`Lanes`), which a `WorkerPool` runs on
/// one or two threads. The calls are the same whatever the thread count, so
/// results are bit-identical for any thread count a caller passes; threads only change speed.
/// The library itself is loaded with one pinned kernel (`OpenBLAS`), so they are
/// also the same on every host.
public enum BLAS {
    /// OpenBLAS's build description (version, kernel), the same on every host.
    public static var build: String { library.config }

    /// The build, OpenBLAS's thread count and the work split, for logs.
    public static var configDescription: String {
        "\(build); OpenBLAS threads=\(library.threads), \(Lanes.count) lanes"
    }

    /// The loaded library (single-threaded, pinned kernel). Callers that can
    /// report an error check `OpenBLAS.loaded()` first; here a missing
    /// library is a programming error.
    static let library: OpenBLAS = {
        switch OpenBLAS.shared {
        case .success(let lib): return lib
        case .failure(let error): fatalError("\(error)")
        }
    }()

    /// C = alpha * op(A) * op(B) + beta * C over row-major storage with explicit
    /// leading dimensions. op(A) is m x k, op(B) is k x n, C is m x n; `transA`
    /// means A is stored k x m (transposed by flag, no copy), likewise `transB`.
    /// Timed per shape while `GemmTally` is on.
    @inline(__always)
    public static func gemm(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float = 1,
        a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        guard GemmTally.isOn else {
            return sgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha,
                         a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
        }
        let start = DispatchTime.now().uptimeNanoseconds
        sgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha,
              a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
        GemmTally.record(.init(m: m, n: n, k: k, transA: transA, transB: transB),
                         nanoseconds: DispatchTime.now().uptimeNanoseconds - start)
    }

    @inline(__always)
    private static func sgemm(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
        a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        // CBLAS's enum values: CblasRowMajor 101, CblasNoTrans 111, CblasTrans 112.
        library.sgemm(101, transA ? 112 : 111, transB ? 112 : 111,
                      Int32(m), Int32(n), Int32(k), alpha,
                      a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}
