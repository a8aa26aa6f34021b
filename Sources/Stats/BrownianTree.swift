import CGSL
import Foundation

/// A Brownian path W on [0, 1] (one independent path per component, W(0) = 0) that can be queried
/// at any times in any order and always gives the same values: the values at dyadic points come
/// from Brownian-bridge bisection, W(m) = ½(W(a) + W(b)) + √((b − a)/4)·z, with z a function of
/// (seed, component, level, index) alone (k-diffusion's Brownian tree, after Li et al. 2020).
/// Samplers at different step counts then see increments of one path, so their differences are
/// not sampling noise. Below the leaf width 2^−depth the path is interpolated linearly.
public struct BrownianTree: Sendable {
    public let seed: UInt64
    public let components: Int
    public let depth: Int

    public init(seed: UInt64, components: Int, depth: Int = 16) {
        precondition(components >= 1 && depth >= 1 && depth <= 40, "BrownianTree: need components >= 1 and depth in 1...40")
        self.seed = seed
        self.components = components
        self.depth = depth
    }

    /// A standard normal determined by its node: SplitMix64 of the node key → a uniform →
    /// GSL's inverse normal CDF.
    @inline(__always)
    func node(_ component: Int, _ level: Int, _ index: UInt64) -> Double {
        let key = splitMix64(seed ^ splitMix64(UInt64(component) << 8 | UInt64(level)))
        let z = splitMix64(key ^ index)
        let u = (Double(z >> 11) + 0.5) / 9_007_199_254_740_992
        return gsl_cdf_ugaussian_Pinv(u)
    }

    /// W(u) for every component, u ∈ [0, 1].
    public func values(at u: Double) -> [Double] {
        let u = min(max(u, 0), 1)
        var out = [Double](repeating: 0, count: components)
        for c in 0..<components {
            var (a, b) = (0.0, 1.0)
            var (wa, wb) = (0.0, node(c, 0, 0))
            var index: UInt64 = 0
            for level in 1...depth {
                let m = 0.5 * (a + b)
                let wm = 0.5 * (wa + wb) + (0.25 * (b - a)).squareRoot() * node(c, level, index)
                if u < m {
                    (b, wb) = (m, wm)
                    index = 2 * index
                } else {
                    (a, wa) = (m, wm)
                    index = 2 * index + 1
                }
            }
            out[c] = b > a ? wa + (wb - wa) * (u - a) / (b - a) : wa
        }
        return out
    }

    /// (W(to) − W(from))/√|to − from|: a standard normal per component for the step from → to.
    public func normalizedIncrement(from: Double, to: Double) -> [Double] {
        let (w0, w1) = (values(at: from), values(at: to))
        let scale = 1 / abs(to - from).squareRoot()
        return zip(w0, w1).map { ($1 - $0) * scale }
    }
}
