import Foundation

/// Importance sampling of training times for likelihood weighting (Song et al. 2021b, §4.2):
/// t is drawn from q(t) = w(t)/Z with w(t) = g(t)²/σ(t)² on [ε, 1], so the likelihood-weighted
/// loss E_t[w(t)·‖ε̂ − ε‖²] becomes Z·E_q[‖ε̂ − ε‖²] with no weight variance. q is tabulated on a
/// log-spaced grid (w grows like 1/t near 0 for VP) and inverted by linear interpolation of its
/// cumulative integral.
public struct LikelihoodImportance: Sendable {
    let times: [Double]
    let cumulative: [Double]
    /// Z = ∫ w(t) dt over [ε, 1].
    public let normalizer: Double

    public init(process: ContinuousProcess, points: Int = 4096) {
        let lo = log(process.trainingEpsilon)
        times = (0..<points).map { exp(lo + (0 - lo) * Double($0) / Double(points - 1)) }
        let w = times.map { t -> Double in
            let g = process.forward.coefficients(t).diffusion, s = process.marginal(at: t).sigma
            return g * g / (s * s)
        }
        var c = [0.0]
        for i in 1..<points { c.append(c[i - 1] + 0.5 * (w[i] + w[i - 1]) * (times[i] - times[i - 1])) }
        normalizer = c[points - 1]
        cumulative = c.map { $0 / c[points - 1] }
    }

    /// The time whose cumulative probability is `uniform` ∈ [0, 1).
    public func time(uniform u: Double) -> Double {
        var (lo, hi) = (0, cumulative.count - 1)
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if cumulative[mid] <= u { lo = mid } else { hi = mid }
        }
        let f = (u - cumulative[lo]) / max(cumulative[hi] - cumulative[lo], 1e-300)
        return times[lo] + f * (times[hi] - times[lo])
    }
}
