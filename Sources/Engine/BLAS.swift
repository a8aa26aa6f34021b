import CBLAS
import Foundation

/// Matrix products through CBLAS (BLIS on this platform: about 4x faster than Debian's
/// OpenBLAS single-threaded on the MLP shapes, see shared/notes/platform.md §2).
public enum BLAS {
    /// The backend this module was linked against ("blis").
    public static var backendName: String { String(cString: cblas_backend_name()) }

    /// Sets the number of threads BLAS uses for one product.
    public static func setThreads(_ n: Int) {
        precondition(n >= 1, "BLAS.setThreads: need at least 1 thread, got \(n)")
        cblas_backend_set_threads(Int32(n))
    }

    /// Row-major C ← α·op(A)·op(B) + β·C with op(A) [m, k], op(B) [k, n], C [m, n].
    @inlinable
    public static func sgemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                             a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                             beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
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
