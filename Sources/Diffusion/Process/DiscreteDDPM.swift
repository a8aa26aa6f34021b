import Foundation

/// The discrete forward process of DDPM (Ho et al. 2020): q(x_t | x_{t−1}) = N(√α_t x_{t−1}, β_t I),
/// timesteps t = 0..<T, α_t = 1 − β_t, ᾱ_t = Π_{s≤t} α_s, so q(x_t | x₀) = N(√ᾱ_t x₀, (1 − ᾱ_t) I)
/// (eq. 4). Tables are Double.
public struct DiscreteDDPM: Sendable {
    public let betas: [Double]
    public let alphas: [Double]
    public let alphaBar: [Double]

    public init(betas: [Double]) {
        precondition(betas.count >= 2 && betas.allSatisfy { $0 > 0 && $0 < 1 }, "DiscreteDDPM: need >= 2 betas in (0, 1)")
        self.betas = betas
        alphas = betas.map { 1 - $0 }
        var running = 1.0
        alphaBar = alphas.map {
            running *= $0; return running
        }
    }

    public init(schedule: ScheduleKind, timesteps: Int) throws {
        self.init(betas: try schedule.schedule.betas(timesteps: timesteps))
    }

    public var timesteps: Int { betas.count }

    /// ᾱ_{t−1}, with ᾱ_{−1} = 1 (no noise before the first step).
    public func alphaBarPrevious(_ t: Int) -> Double { t == 0 ? 1 : alphaBar[t - 1] }

    /// Marginal mean scale √ᾱ_t and standard deviation √(1 − ᾱ_t) of q(x_t | x₀).
    public func marginal(_ t: Int) -> (alpha: Double, sigma: Double) {
        (alphaBar[t].squareRoot(), (1 - alphaBar[t]).squareRoot())
    }

    /// The posterior q(x_{t−1} | x_t, x₀) = N(c_t·x_t + c₀·x₀, β̃_t I) (Ho et al. 2020, eqs. 6–7):
    /// c₀ = β_t √ᾱ_{t−1}/(1 − ᾱ_t), c_t = √α_t (1 − ᾱ_{t−1})/(1 − ᾱ_t), β̃_t = β_t (1 − ᾱ_{t−1})/(1 − ᾱ_t),
    /// through the one implementation in `NoiseLevelStep`. At t = 0 the mean is x₀ exactly.
    public func posterior(_ t: Int) -> (coefXt: Double, coefX0: Double, variance: Double) { step(from: t, to: t - 1).posterior }

    /// The step between timesteps t and s < t (s = −1: clean data), for respaced chains.
    public func step(from t: Int, to s: Int) -> NoiseLevelStep {
        let (a, sg) = marginal(t)
        let (an, sn) = s < 0 ? (1.0, 0.0) : marginal(s)
        return NoiseLevelStep(alpha: a, sigma: sg, alphaNext: an, sigmaNext: sn)
    }

    /// A warning when ᾱ_{T−1} is far from 0: sampling starts from N(0, I), which then is not the
    /// marginal q(x_T) (the toy anchors start there with ᾱ_T = 0.6–0.78).
    public var priorWarning: String? {
        let a = alphaBar[timesteps - 1]
        guard a > 1e-3 else { return nil }
        return String(
            format:
                "warning: ᾱ_T = %.4g is far from 0, so x_T is not close to N(0, I) and sampling from N(0, I) starts off the forward process. Use more --timesteps or another --schedule.",
            a)
    }
}
