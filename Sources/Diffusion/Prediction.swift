/// What a network predicts about x_t = α·x₀ + σ·ε. The adapter converts each into the others
/// through α and σ, so samplers never see how a model was trained: ε = (x_t − αx₀)/σ,
/// x₀ = (x_t − σε)/α, score = −ε/σ, and v = αε − σx₀ (Salimans & Ho 2022), which gives
/// ε = (σx_t + αv)/(α² + σ²) for any process (α² + σ² = 1 only for variance-preserving ones).
public enum Prediction: String, CaseIterable, Codable, Sendable {
    case epsilon, x0, v, score

    /// (a, b) with ε = a·output + b·x_t: every prediction is affine in the output and x_t.
    public func epsilonCoefficients(alpha: Double, sigma: Double) -> (output: Double, x: Double) {
        switch self {
        case .epsilon: (1, 0)
        case .x0: (-alpha / sigma, 1 / sigma)
        case .v: (alpha / (alpha * alpha + sigma * sigma), sigma / (alpha * alpha + sigma * sigma))
        case .score: (-sigma, 0)
        }
    }

    /// The training target for x₀ and ε at (α, σ).
    public func target(x0: Float, epsilon: Float, alpha: Float, sigma: Float) -> Float {
        switch self {
        case .epsilon: epsilon
        case .x0: x0
        case .v: alpha * epsilon - sigma * x0
        case .score: -epsilon / sigma
        }
    }

    /// c with ‖ε̂ − ε‖² = c·‖output − target‖², to express any prediction's error in ε units
    /// (ε-MSE is denoising score matching with the σ² weighting; Song et al. 2021, eq. 7).
    public func epsilonErrorScale(alpha: Double, sigma: Double) -> Double {
        let a = epsilonCoefficients(alpha: alpha, sigma: sigma).output
        return a * a
    }

    /// ε implied by `output` at x_t.
    public func epsilon(from output: Float, x: Float, alpha: Float, sigma: Float) -> Float {
        if self == .epsilon { return output }
        let (a, b) = epsilonCoefficients(alpha: Double(alpha), sigma: Double(sigma))
        return Float(a) * output + Float(b) * x
    }

    /// x₀ implied by `output` at x_t.
    public func x0(from output: Float, x: Float, alpha: Float, sigma: Float) -> Float {
        switch self {
        case .x0: output
        case .v where abs(alpha * alpha + sigma * sigma - 1) < 1e-6: alpha * x - sigma * output
        default: (x - sigma * epsilon(from: output, x: x, alpha: alpha, sigma: sigma)) / alpha
        }
    }
}

/// How the per-example denoising losses are weighted over noise levels.
public enum LossWeighting: String, CaseIterable, Codable, Sendable {
    /// Each prediction's own MSE (for ε: λ(t) = σ², Ho et al. 2020's L_simple); score targets
    /// get the σ² weighting, which makes them ε-MSE.
    case simple
    /// λ(t) = g(t)², which makes the loss a bound on the negative log-likelihood (Song et al.
    /// 2021b, "maximum likelihood training"); continuous processes only. Training draws t from
    /// q(t) ∝ g²/σ² (`LikelihoodImportance`), so every row then weighs the same.
    case likelihood
}
