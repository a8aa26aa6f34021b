import Foundation
import Stats

/// A mixture Σ_k w_k N(μ_k, s_k² I) of isotropic Gaussians in 2-D. Its noised marginals stay
/// mixtures, so the score at every noise level is closed-form (used by exact models and tests).
public struct GaussianMixture: ToyDistribution {
    public let weights: [Double]
    public let means: [SIMD2<Double>]
    public let standardDeviations: [Double]

    public init(weights: [Double], means: [SIMD2<Double>], standardDeviations: [Double]) {
        precondition(
            weights.count == means.count && means.count == standardDeviations.count && !weights.isEmpty,
            "GaussianMixture: weights, means and standard deviations must have one entry per component")
        let total = weights.reduce(0, +)
        self.weights = weights.map { $0 / total }
        self.means = means
        self.standardDeviations = standardDeviations
    }

    /// 0.8·N((5, 5), I) + 0.2·N((−5, −5), I): the annealed-Langevin toy of Song & Ermon 2019 (fig. 3).
    public static let songErmon = GaussianMixture(
        weights: [0.8, 0.2], means: [SIMD2(5, 5), SIMD2(-5, -5)],
        standardDeviations: [1, 1])

    /// `noise` scales every component's standard deviation (1 = as defined).
    public var defaultNoise: Double { 1 }

    /// Classes: the components.
    public var classes: Int { weights.count }

    public func sampleLabeled(_ n: Int, noise: Double, rng: some RandomSource) -> LabeledPoints {
        var labels = [Int](repeating: 0, count: n)
        let points = (0..<n).map { i -> SIMD2<Double> in
            let k = rng.categorical(weights)
            labels[i] = k
            return means[k] + noise * standardDeviations[k] * SIMD2(rng.gaussian(), rng.gaussian())
        }
        return LabeledPoints(points: points, labels: labels)
    }
}
