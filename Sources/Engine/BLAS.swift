import CBLAS
import CDNNL
import Foundation

/// Matrix products through CBLAS (BLIS on this platform: about 4x faster than Debian's
/// OpenBLAS single-threaded on the MLP shapes, see shared/notes/platform.md §2).
public enum BLAS {
    /// The library computing products now: "onednn", or the CBLAS library linked ("blis").
    public static var backendName: String { backend == .onednn ? "onednn" : String(cString: cblas_backend_name()) }

    nonisolated(unsafe) private static var maxThreads = 1
    nonisolated(unsafe) private static var currentThreads = -1

    /// Products smaller than this many flops run on one thread: BLIS 0.9 starts its threads
    /// on every call, which costs more than it saves on small matrices (measured: a 256-row
    /// MLP step was 1.5x slower on 2 threads than on 1).
    public static let threadingThreshold = 1 << 24

    /// Sets the number of threads BLAS may use for one large product. Also tunes the allocator
    /// (see `Memory.configure`), since every caller that sets threads is about to compute.
    public static func setThreads(_ n: Int) {
        precondition(n >= 1, "BLAS.setThreads: need at least 1 thread, got \(n)")
        maxThreads = n
        Memory.configure()
    }

    /// The thread count configured with `setThreads`.
    public static var threads: Int { maxThreads }

    @usableFromInline
    static func useThreads(flops: Int) {
        let want = flops >= threadingThreshold ? maxThreads : 1
        if want != currentThreads {
            cblas_backend_set_threads(Int32(want))
            currentThreads = want
        }
    }

    /// The library that computes matrix products: BLIS through CBLAS, or oneDNN's sgemm (its JIT
    /// kernels follow the CPU; Debian's BLIS runs generic kernels on some CPUs of this kind).
    public enum Backend: String, CaseIterable, Sendable { case blis, onednn }

    /// The backend `sgemm` uses: oneDNN, measured 5–7× faster than Debian's BLIS on every MLP
    /// shape on an AVX-512 machine of this kind (`toy-bench shapes` measures both).
    nonisolated(unsafe) public static var backend: Backend = .onednn

    /// Row-major C ← α·op(A)·op(B) + β·C with op(A) [m, k], op(B) [k, n], C [m, n].
    @inlinable
    public static func sgemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float,
        a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        if backend == .onednn {
            let status = dnnl_sgemm(
                transposeA ? 84 : 78, transposeB ? 84 : 78, Int64(m), Int64(n), Int64(k), alpha, a, Int64(lda), b, Int64(ldb), beta, c, Int64(ldc))
            precondition(status == dnnl_success, "oneDNN sgemm \(m)×\(k)·\(k)×\(n) failed: \(String(cString: dnnl_status2str(status)))")
            return
        }
        useThreads(flops: 2 * m * n * k)
        cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// The shared library that the process's global symbol lookup resolves `cblas_sgemm` to
    /// (and so also libgsl's BLAS calls). A silent fallback to GSL's reference BLAS shows here
    /// as a path containing "gslcblas".
    public static func provider() -> String? {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "cblas_sgemm") else { return nil }
        let address = UInt(bitPattern: symbol)
        // String(contentsOfFile:) has been seen to truncate procfs files; read with FileHandle.
        guard let handle = FileHandle(forReadingAtPath: "/proc/self/maps") else { return nil }
        defer { try? handle.close() }
        let maps = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        for line in maps.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 6 else { continue }
            let range = fields[0].split(separator: "-")
            guard range.count == 2, let lo = UInt(range[0], radix: 16), let hi = UInt(range[1], radix: 16)
            else { continue }
            if address >= lo && address < hi { return String(fields[5]) }
        }
        return nil
    }
}
