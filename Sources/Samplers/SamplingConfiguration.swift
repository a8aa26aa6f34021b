import Diffusion
import Stats

/// The `sampling` section of a configuration: which sampler, how many samples and steps, the
/// class to sample, and each sampler's settings (`SamplerKind.sampler(_:)` hands each sampler
/// only its own).
public struct SamplingConfiguration: Codable, Sendable, Equatable {
    public var sampler = SamplerKind.ddpm
    /// Points (or images) to draw.
    public var samples = 5000
    /// Steps of the time grid (discrete samplers: at most the chain's length).
    public var steps = 200
    /// The class to sample from a conditional model; nil = labels in data proportion.
    public var label: Int? = nil
    /// DDPM ancestral variance.
    public var variance = ReverseVariance.posterior
    /// x₀ clip during sampling; nil = none.
    public var clip: Double? = nil
    /// Stochastic samplers draw their noise from one Brownian path (shared across step counts).
    public var sharedNoise = false
    /// Probability-flow ODE: GSL method and tolerance.
    public var odeMethod = ODEMethod.standard
    public var odeTolerance = 1e-5
    /// Predictor–corrector: predictor, corrector steps per step and signal-to-noise ratio r.
    public var predictor = Predictor.reverseDiffusion
    public var correctorSteps = 1
    public var snr = 0.16
    /// SDE and ODE samplers finish with Tweedie's x̂₀.
    public var denoise = true
    /// Langevin: ε of the step size a_i = ε·σ_i²/σ_L².
    public var langevinStepSize = 2e-5
    /// DDIM's η (0: deterministic; 1: ancestral with β̃); `--sampler ddim` only.
    public var eta = 0.0
    /// ρ of the Karras grid of euler, heun and dpm++2m.
    public var rho = 7.0
    /// Classifier-free guidance weight w (ε̃ = (1 + w)·ε(x, y) − w·ε(x, ∅)); 0 = the conditional model.
    public var guidanceScale = 0.0
    /// Classifier guidance scale s (score + s·∇ₓ log p(y | x_t)); nil = not asked. Given (even
    /// as 0), `label` names the class guided towards on unconditional models too.
    public var classifierScale: Double? = nil
    /// s, 0 when not asked.
    public var classifierGuidance: Double { classifierScale ?? 0 }

    public init() {}

    /// Decodes the section; `label` may be absent (runs from before class conditions).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        sampler = try c.decode(SamplerKind.self, forKey: .sampler)
        samples = try c.decode(Int.self, forKey: .samples)
        steps = try c.decode(Int.self, forKey: .steps)
        label = try c.decodeIfPresent(Int.self, forKey: .label)
        variance = try c.decode(ReverseVariance.self, forKey: .variance)
        clip = try c.decodeIfPresent(Double.self, forKey: .clip)
        sharedNoise = try c.decode(Bool.self, forKey: .sharedNoise)
        odeMethod = try c.decode(ODEMethod.self, forKey: .odeMethod)
        odeTolerance = try c.decode(Double.self, forKey: .odeTolerance)
        predictor = try c.decode(Predictor.self, forKey: .predictor)
        correctorSteps = try c.decode(Int.self, forKey: .correctorSteps)
        snr = try c.decode(Double.self, forKey: .snr)
        denoise = try c.decode(Bool.self, forKey: .denoise)
        langevinStepSize = try c.decode(Double.self, forKey: .langevinStepSize)
        guidanceScale = try c.decodeIfPresent(Double.self, forKey: .guidanceScale) ?? 0
        classifierScale = try c.decodeIfPresent(Double.self, forKey: .classifierScale)
        eta = try c.decodeIfPresent(Double.self, forKey: .eta) ?? 0
        rho = try c.decodeIfPresent(Double.self, forKey: .rho) ?? 7
    }

    /// Checks every number and the sampler's fit to `process`, naming the flag at fault.
    public func validate(process: ProcessConfiguration) throws {
        func require(_ ok: Bool, _ message: String) throws { if !ok { throw SamplerMismatch(message: message) } }
        try require(samples >= 1 && samples <= 10_000_000, "--samples must be between 1 and 10000000, got \(samples).")
        try require(steps >= 1 && steps <= 1_000_000, "--sample-steps must be between 1 and 1000000, got \(steps).")
        if process.kind == .ddpm && [.ddpm, .ddim, .ddimEta1].contains(sampler) {
            try require(
                steps <= process.timesteps,
                "--sample-steps must be between 1 and --timesteps (\(process.timesteps)) for --sampler \(sampler.rawValue) on the DDPM chain, got \(steps)."
            )
        }
        try sampler.check(process: process.kind)
        try require(odeTolerance > 0 && odeTolerance < 1, "--ode-tolerance must be in (0, 1), got \(odeTolerance).")
        try require(correctorSteps >= 0 && correctorSteps <= 1000, "--corrector-steps must be between 0 and 1000, got \(correctorSteps).")
        try require(snr > 0 && snr <= 100, "--snr must be in (0, 100], got \(snr).")
        try require(langevinStepSize > 0 && langevinStepSize <= 100, "--step-size must be in (0, 100], got \(langevinStepSize).")
        if let clip { try require(clip > 0 && clip.isFinite, "--clip must be positive, got \(clip).") }
        if let label { try require(label >= 0, "--label must be at least 0, got \(label).") }
        try require(rho > 0 && rho.isFinite, "--rho must be positive, got \(rho).")
        try require(rho == 7 || [.euler, .heun, .dpmSolver2M].contains(sampler), "--rho sets the Karras grid of euler, heun and dpm++2m, not of \(sampler.rawValue).")
        try require(eta >= 0 && eta <= 1, "--eta must be in [0, 1], got \(eta).")
        try require(eta == 0 || sampler == .ddim, "--eta applies to --sampler ddim (ddim-eta1 is η = 1), not to \(sampler.rawValue).")
        try require(guidanceScale >= 0 && guidanceScale.isFinite, "--guidance-scale must be a finite number at least 0, got \(guidanceScale).")
        if let classifierScale {
            try require(classifierScale >= 0 && classifierScale.isFinite, "--classifier-scale must be a finite number at least 0, got \(classifierScale).")
        }
    }

    /// The configured sampler with its own settings.
    public var configuredSampler: any Sampler { sampler.sampler(self) }

    /// The options every sampler call takes; `seed` seeds the shared Brownian path.
    public func options(seed: UInt64, capture: Set<Int> = [], steps: Int? = nil) -> SamplingOptions {
        SamplingOptions(
            steps: steps ?? self.steps, clip: clip, capture: capture,
            noise: sharedNoise ? .brownian(seed: splitMix64(seed ^ 0xB_0B)) : .independent)
    }
}
