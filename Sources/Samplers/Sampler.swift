import Diffusion
import Engine
import Stats

/// What every sampler needs besides the model: how many steps, which reverse variance, optional
/// x₀ clipping (off by default: clipping to [−1, 1] ruins data spread over ±4), and at which
/// steps to keep the trajectory.
public struct SamplingOptions: Sendable {
    public var steps: Int
    public var variance: ReverseVariance
    /// Clip the predicted x₀ to [−clip, clip]; nil = never.
    public var clip: Double?
    /// Step indices (0 = the start x_T, `steps` = the final sample) whose x is kept.
    public var capture: Set<Int>

    public init(steps: Int, variance: ReverseVariance = .posterior, clip: Double? = nil, capture: Set<Int> = []) {
        self.steps = steps
        self.variance = variance
        self.clip = clip
        self.capture = capture
    }
}

/// The variance of p(x_{t−1} | x_t) in ancestral sampling (Ho et al. 2020, §3.2): σ_t² = β_t
/// (optimal for x₀ ~ N(0, I)) or σ_t² = β̃_t (optimal for a deterministic x₀).
public enum ReverseVariance: String, CaseIterable, Codable, Sendable {
    case beta, posterior
}

/// A sampler's output: the samples, the captured trajectory and the number of model evaluations.
public struct SamplingResult {
    public var samples: Tensor
    /// (step index, time label, x) for each captured step, in sampling order.
    public var trajectory: [(step: Int, time: Double, x: Tensor)]
    public var modelEvaluations: Int
}

/// A reverse-process sampler: from x_T [batch, d] to samples [batch, d].
public protocol Sampler {
    func sample(
        model: any DenoisingModel, process: DiscreteDDPM, initial: Tensor, options: SamplingOptions,
        rng: some RandomSource, progress: (Int) -> Void
    ) throws -> SamplingResult
}

/// The samplers toy offers, by CLI name.
public enum SamplerKind: String, CaseIterable, Codable, Sendable {
    case ddpm, ddim
    case ddimEta1 = "ddim-eta1"

    public var sampler: any Sampler {
        switch self {
        case .ddpm: DDPMAncestral()
        case .ddim: DDIM(eta: 0)
        case .ddimEta1: DDIM(eta: 1)
        }
    }

    public var summary: String {
        switch self {
        case .ddpm: "DDPM ancestral sampling, variance β_t or β̃_t, on any subsequence of timesteps (Ho et al. 2020, alg. 2)"
        case .ddim: "DDIM with η = 0: deterministic, invertible, any subsequence of timesteps (Song et al. 2021, eq. 12)"
        case .ddimEta1: "DDIM with η = 1: the ancestral sampler with β̃_t written in DDIM form (Song et al. 2021)"
        }
    }
}

/// Errors a sampler reports for a bad request.
public enum SamplerError: Error, CustomStringConvertible {
    case badStepCount(steps: Int, timesteps: Int)
    public var description: String {
        switch self {
        case .badStepCount(let s, let t): "--sample-steps must be between 1 and --timesteps (\(t)), got \(s)."
        }
    }
}

/// `steps` timesteps out of 0..<T, evenly spaced, always including 0 and T − 1, ascending
/// (improved-diffusion's respacing; Nichol & Dhariwal 2021, §4).
public func timestepSubsequence(timesteps: Int, steps: Int) throws -> [Int] {
    guard steps >= 1 && steps <= timesteps else { throw SamplerError.badStepCount(steps: steps, timesteps: timesteps) }
    if steps == 1 { return [timesteps - 1] }
    let raw = (0..<steps).map { Int((Double($0) * Double(timesteps - 1) / Double(steps - 1)).rounded()) }
    return Array(Set(raw)).sorted()
}
