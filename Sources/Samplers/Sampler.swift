import Diffusion
import Engine
import Stats

/// What every sampler takes besides the model and process: the grid's step count, x₀ clipping,
/// the frames to keep and where the noise comes from. A sampler's own settings (DDPM's variance,
/// the corrector's r, the ODE's tolerance, …) live in the sampler itself.
public struct SamplingOptions: Sendable {
    /// Steps of the time grid (discrete samplers: at most the chain's length).
    public var steps: Int
    /// Clip the predicted x₀ to [−clip, clip]; nil = never (clipping to [−1, 1] ruins data spread over ±4).
    public var clip: Double?
    /// Step indices (0 = the start x_T, `steps` = the final sample) whose x is kept.
    public var capture: Set<Int>
    /// Where stochastic time-stepping samplers get their noise.
    public var noise: NoiseMode

    public init(steps: Int, clip: Double? = nil, capture: Set<Int> = [], noise: NoiseMode = .independent) {
        self.steps = steps
        self.clip = clip
        self.capture = capture
        self.noise = noise
    }
}

/// The variance of p(x_s | x_t) in ancestral sampling (Ho et al. 2020, §3.2): σ² = β
/// (σ_t² − α_{t|s}²σ_s² in general; optimal for x₀ ~ N(0, I)) or the posterior's β̃ (optimal for a
/// deterministic x₀).
public enum ReverseVariance: String, CaseIterable, Codable, Sendable {
    case beta, posterior
}

/// The predictor of predictor–corrector sampling (Song et al. 2021, alg. 4–5).
public enum Predictor: String, CaseIterable, Codable, Sendable {
    case reverseDiffusion = "reverse-diffusion"
    case eulerMaruyama = "euler-maruyama"
}

/// Noise for stochastic samplers: fresh draws, or increments of one Brownian path per seed so that
/// runs at different step counts share their noise.
public enum NoiseMode: Codable, Sendable, Equatable {
    case independent
    case brownian(seed: UInt64)
}

/// A sampler's output: the samples, the captured trajectory and the number of model evaluations.
public struct SamplingResult {
    public var samples: Tensor
    /// (step index, process time, x) for each captured step, in sampling order (time −1 = clean data).
    public var trajectory: [(step: Int, time: Double, x: Tensor)]
    public var modelEvaluations: Int

    public init(samples: Tensor, trajectory: [(step: Int, time: Double, x: Tensor)] = [], modelEvaluations: Int) {
        self.samples = samples
        self.trajectory = trajectory
        self.modelEvaluations = modelEvaluations
    }
}

/// A reverse-process sampler: from x_T ~ prior [batch, …] to samples of the same shape. A new
/// sampler is one file with a struct conforming to this and one case of `SamplerKind`.
public protocol Sampler {
    /// One line for `toy list`: what it does and its citation.
    var summary: String { get }
    /// The processes whose models it can drive.
    var processes: [ProcessKind] { get }
    /// Steps that spend about `evaluations` model evaluations (the ODE's are set by its tolerance).
    func steps(forEvaluations evaluations: Int) -> Int
    func sample(
        model: any DenoisingModel, process: any NoiseProcess, initial: Tensor, options: SamplingOptions,
        rng: some RandomSource, progress: (Int) -> Void
    ) throws -> SamplingResult
}

extension Sampler {
    public func steps(forEvaluations evaluations: Int) -> Int { max(1, evaluations) }
}

/// Errors a sampler reports for a bad request.
public enum SamplerError: Error, CustomStringConvertible {
    case needsSDE(sampler: String)
    case needsNoiseLevels(sampler: String)
    case notAKarrasStep(sampler: String)
    public var description: String {
        switch self {
        case .needsSDE(let s): "--sampler \(s) integrates an SDE: it needs --process vp, ve or subvp."
        case .needsNoiseLevels(let s): "--sampler \(s) walks noise levels: it needs --process ncsn."
        case .notAKarrasStep(let s): "step errors are measured for --sampler euler or heun, got \(s)."
        }
    }
}
