/// Two noise levels of one process, from (α_t, σ_t) down to (α_s, σ_s): the Gaussian transition
/// x_t = α_{t|s}·x_s + σ_{t|s}·z with α_{t|s} = α_t/α_s, σ_{t|s}² = σ_t² − α_{t|s}²σ_s², and the
/// posterior q(x_s | x_t, x₀) = N(c_t·x_t + c₀·x₀, v) with c_t = α_{t|s}σ_s²/σ_t²,
/// c₀ = α_sσ_{t|s}²/σ_t², v = σ_{t|s}²σ_s²/σ_t² (Kingma et al. 2021, eqs. 8–10). For the DDPM chain
/// these are the coefficients of Ho et al. 2020, eqs. 6–7 (β_t = σ_{t|t−1}², β̃_t = v), and for a
/// respaced chain those of Nichol & Dhariwal 2021, §4. The one implementation of both.
public struct NoiseLevelStep: Sendable {
    public let alpha: Double, sigma: Double
    public let alphaNext: Double, sigmaNext: Double

    public init(alpha: Double, sigma: Double, alphaNext: Double, sigmaNext: Double) {
        self.alpha = alpha
        self.sigma = sigma
        self.alphaNext = alphaNext
        self.sigmaNext = sigmaNext
    }

    /// α_{t|s} and σ_{t|s}² (the step's β′ on a DDPM chain).
    public var transition: (alpha: Double, variance: Double) {
        let a = alpha / alphaNext
        return (a, max(sigma * sigma - a * a * sigmaNext * sigmaNext, 0))
    }

    /// The posterior mean coefficients and variance. At the last step (σ_s = 0) the mean is x₀
    /// exactly and the variance 0 (no log 0 or 0/0 is taken).
    public var posterior: (coefXt: Double, coefX0: Double, variance: Double) {
        let (a, v) = transition
        let s2 = sigma * sigma, n2 = sigmaNext * sigmaNext
        return (a * n2 / s2, alphaNext * v / s2, v * n2 / s2)
    }
}
