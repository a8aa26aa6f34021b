/// What a network predicts about x_t = α·x₀ + σ·ε (α = √ᾱ, σ = √(1 − ᾱ) for DDPM). The adapter
/// converts each into the others through α and σ, so samplers never see how a model was trained:
/// x₀ = (x_t − σε)/α, ε = (x_t − αx₀)/σ, v = αε − σx₀ (Salimans & Ho 2022), score = −ε/σ.
public enum Prediction: String, CaseIterable, Codable, Sendable {
    case epsilon, x0, v, score

    /// ε implied by `output` at x_t.
    public func epsilon(from output: Float, x: Float, alpha: Float, sigma: Float) -> Float {
        switch self {
        case .epsilon: output
        case .x0: (x - alpha * output) / sigma
        case .v: alpha * output + sigma * x  // ε = αv + σx_t when α² + σ² = 1
        case .score: -sigma * output
        }
    }

    /// x₀ implied by `output` at x_t.
    public func x0(from output: Float, x: Float, alpha: Float, sigma: Float) -> Float {
        switch self {
        case .x0: output
        case .v: alpha * x - sigma * output  // x₀ = αx_t − σv when α² + σ² = 1
        default: (x - sigma * epsilon(from: output, x: x, alpha: alpha, sigma: sigma)) / alpha
        }
    }
}
