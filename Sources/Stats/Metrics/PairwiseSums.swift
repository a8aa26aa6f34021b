import Dispatch
import Foundation

/// One pass over all pairs (a_i, b_j) accumulating Σ‖a_i − b_j‖ and Σ exp(−‖a_i − b_j‖²/(2h²)) for
/// h = h₀/2, h₀, 2h₀ (one exp per pair: e^{4c}, e^{c}, e^{c/4} with c = −d²/(2h₀²)). Rows are dealt
/// into two fixed halves (so the sums do not depend on the thread count), run concurrently
/// when `threads` > 1. Energy distance and MMD both come from these sums.
struct PairwiseSums {
    var distance = 0.0
    /// Kernel sums for bandwidths h₀/2, h₀, 2h₀.
    var kernel: SIMD3<Double> = .zero
    /// Number of pairs summed.
    var pairs = 0.0

    init(_ a: [SIMD2<Double>], _ b: [SIMD2<Double>], bandwidth h: Double, sameSet: Bool, threads: Int = 1) {
        let c = -1 / (2 * h * h)
        let parts = 2
        nonisolated(unsafe) var partial = [(Double, SIMD3<Double>)](repeating: (0, .zero), count: parts)
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                nonisolated(unsafe) let (pa, pb) = (pa, pb)
                let half: (Int) -> Void = { t in
                    var d = 0.0
                    var k = SIMD3<Double>.zero
                    for i in stride(from: t, to: pa.count, by: parts) {
                        let p = pa[i]
                        for j in 0..<pb.count where !(sameSet && i == j) {
                            let v = p - pb[j]
                            let d2 = (v * v).sum()
                            d += d2.squareRoot()
                            let e = exp(c * d2)
                            let e2 = e * e
                            k += SIMD3(e2 * e2, e, e.squareRoot().squareRoot())
                        }
                    }
                    partial[t] = (d, k)
                }
                if threads > 1 {
                    nonisolated(unsafe) let body = half
                    DispatchQueue.concurrentPerform(iterations: parts) { body($0) }
                } else {
                    for t in 0..<parts { half(t) }
                }
            }
        }
        for (d, k) in partial {
            distance += d
            kernel += k
        }
        pairs = Double(a.count) * Double(b.count) - (sameSet ? Double(a.count) : 0)
    }
}
