import Foundation

/// A continuous forward process dx = f(t)·x dt + g(t) dW on t ∈ [0, 1] (Song et al. 2021) with
/// Gaussian marginals x_t = α(t)·x₀ + σ(t)·ε. Samplers see only these functions.
public protocol ForwardSDE: Sendable {
    /// α(t) and σ(t) of the marginal q(x_t | x₀) = N(α x₀, σ² I).
    func marginal(_ t: Double) -> (alpha: Double, sigma: Double)
    /// The linear drift coefficient f(t) (drift = f(t)·x) and the diffusion g(t).
    func coefficients(_ t: Double) -> (drift: Double, diffusion: Double)
    /// Standard deviation of the prior p_1 = N(0, s² I) sampling starts from.
    var priorStandardDeviation: Double { get }
}

/// The variance-preserving SDE (Song et al. 2021, eq. 11): β(t) = β_min + t(β_max − β_min),
/// dx = −½β(t)x dt + √β(t) dW; α(t) = exp(−½∫β), σ² = 1 − α². score_sde defaults β ∈ [0.1, 20].
public struct VPSDE: ForwardSDE {
    public var betaMin = 0.1, betaMax = 20.0
    public init(betaMin: Double = 0.1, betaMax: Double = 20) {
        self.betaMin = betaMin
        self.betaMax = betaMax
    }
    func integral(_ t: Double) -> Double { betaMin * t + 0.5 * (betaMax - betaMin) * t * t }
    public func marginal(_ t: Double) -> (alpha: Double, sigma: Double) {
        let a = exp(-0.5 * integral(t))
        return (a, (-expm1(-integral(t))).squareRoot())
    }
    public func coefficients(_ t: Double) -> (drift: Double, diffusion: Double) {
        let beta = betaMin + t * (betaMax - betaMin)
        return (-0.5 * beta, beta.squareRoot())
    }
    public var priorStandardDeviation: Double { 1 }
}

/// The variance-exploding SDE (Song et al. 2021, eq. 9): σ(t) = σ_min(σ_max/σ_min)^t,
/// dx = √(dσ²/dt) dW, α = 1 (σ(0) = σ_min is the smallest noise).
public struct VESDE: ForwardSDE {
    public var sigmaMin: Double, sigmaMax: Double
    public init(sigmaMin: Double = 0.01, sigmaMax: Double) {
        self.sigmaMin = sigmaMin
        self.sigmaMax = sigmaMax
    }
    public func marginal(_ t: Double) -> (alpha: Double, sigma: Double) {
        (1, sigmaMin * pow(sigmaMax / sigmaMin, t))
    }
    public func coefficients(_ t: Double) -> (drift: Double, diffusion: Double) {
        let s = marginal(t).sigma
        return (0, s * (2 * log(sigmaMax / sigmaMin)).squareRoot())
    }
    public var priorStandardDeviation: Double { sigmaMax }
}

/// The sub-VP SDE (Song et al. 2021, eq. 12): dx = −½β x dt + √(β(1 − e^{−2∫β})) dW, with
/// α(t) = exp(−½∫β) as for VP and σ(t) = 1 − e^{−∫β} = 1 − α², which is below the VP σ.
public struct SubVPSDE: ForwardSDE {
    public var vp: VPSDE
    public init(betaMin: Double = 0.1, betaMax: Double = 20) { vp = VPSDE(betaMin: betaMin, betaMax: betaMax) }
    public func marginal(_ t: Double) -> (alpha: Double, sigma: Double) {
        (exp(-0.5 * vp.integral(t)), -expm1(-vp.integral(t)))
    }
    public func coefficients(_ t: Double) -> (drift: Double, diffusion: Double) {
        let beta = vp.betaMin + t * (vp.betaMax - vp.betaMin)
        return (-0.5 * beta, (beta * -expm1(-2 * vp.integral(t))).squareRoot())
    }
    public var priorStandardDeviation: Double { 1 }
}
