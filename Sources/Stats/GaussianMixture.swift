/// A mixture Σ_k w_k N(μ_k, s_k² I) of isotropic Gaussians in 2-D. Its noised marginals stay
/// mixtures, so the score at every noise level is closed-form (used by exact models and tests).
/// The one description of a mixture: the toy dataset draws from it, the exact denoiser scores it.
public struct GaussianMixture: Sendable {
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
}
