import CBLAS

/// The OpenBLAS backend: thread control and the one matrix product the nets use.
///
/// Threading: `setThreads` changes a process-wide OpenBLAS setting; call it
/// before training, not while another thread is inside a BLAS call.
/// OpenBLAS splits sgemm over output rows/columns, never over the summed
/// dimension, so results do not depend on the thread count (tested).
public enum BLAS {
    /// Sets the number of threads OpenBLAS uses for every later call (at least 1).
    public static func setThreads(_ n: Int) {
        openblas_set_num_threads(Int32(max(1, n)))
    }

    /// The thread count OpenBLAS currently uses.
    public static var threads: Int { Int(openblas_get_num_threads()) }

    /// OpenBLAS's build description (version, core kernel, max threads), for logs.
    public static var configDescription: String {
        guard let config = openblas_get_config() else { return "OpenBLAS (no config string)" }
        return String(cString: config) + " threads=\(threads)"
    }

    /// C = alpha * op(A) * op(B) + beta * C over row-major storage.
    ///
    /// op(A) is m x k, op(B) is k x n, C is m x n. `transA` means A is stored
    /// k x m (so no copy is made to transpose it); likewise `transB`.
    @inline(__always)
    static func gemm(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
        alpha: Float = 1, a: UnsafePointer<Float>, b: UnsafePointer<Float>,
        beta: Float = 0, c: UnsafeMutablePointer<Float>
    ) {
        let lda = transA ? m : k
        let ldb = transB ? k : n
        cblas_sgemm(CblasRowMajor,
                    transA ? CblasTrans : CblasNoTrans,
                    transB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha,
                    a, Int32(lda), b, Int32(ldb), beta, c, Int32(n))
    }
}
