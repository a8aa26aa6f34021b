import ArgumentParser
import Diffusion
import Runs
import Samplers
import Stats

private let base = DatasetDefaults()

/// The sampling flags `toy run` and `toy sample` share.
struct SamplingFlags: ParsableArguments {
    @Option(help: "Points to sample (default: 5000).") var samples: Int?
    @Option(
        help:
            "Sampler: \(SamplerKind.allCases.map(\.rawValue).joined(separator: ", ")) (default: per dataset and process; toy list shows which fit which)."
    )
    var sampler: SamplerKind?
    @Option(
        help:
            "Sampling steps (default: \(base.sampleSteps), at most --timesteps on the DDPM chain; Langevin: \(base.langevinStepsPerLevel) per level)."
    )
    var sampleSteps: Int?
    @Option(help: "Reverse variance: beta (β_t) or posterior (β̃_t) (default: per dataset, see toy list).") var variance: ReverseVariance?
    @Option(help: "Clip predicted x₀ to [-A, A] while sampling (default: no clipping).") var clip: Double?
    @Flag(
        help:
            "Time-stepping samplers (ddpm, ddim-eta1, reverse-sde, pc's predictor) draw their noise from one Brownian path, so runs at different --sample-steps share it; Langevin moves draw fresh noise."
    )
    var sharedNoise = false
    @Option(help: "GSL integrator of --sampler ode: rkf45 or rk8pd (default: rkf45).") var odeMethod: ODEMethod?
    @Option(help: "Absolute and relative tolerance of --sampler ode (default: 1e-5).") var odeTolerance: Double?
    @Option(help: "Predictor of --sampler pc: reverse-diffusion or euler-maruyama (default: reverse-diffusion).") var predictor: Predictor?
    @Option(help: "Langevin corrector steps per step of --sampler pc (default: 1).") var correctorSteps: Int?
    @Option(help: "Signal-to-noise ratio r of the pc corrector (default: 0.16).") var snr: Double?
    @Flag(inversion: .prefixedNo, help: "SDE and ODE samplers finish with the denoised x̂₀ (default: on).") var denoise: Bool?
    @Option(help: "Langevin step size ε, a_i = ε·σ_i²/σ_L² (default: \(base.langevinStepSize); gmm: 0.01).") var stepSize: Double?

    @Option(help: "Sample this class of a conditional (or exact) model (default: classes in data proportion).") var label: Int?
    @Option(
        help:
            "Classifier-free guidance weight w of a conditional run: ε̃ = (1 + w)·ε(x, y) − w·ε(x, ∅); 0 is the plain conditional model; 2 network evaluations per step (default: 0)."
    )
    var guidanceScale: Double?
    @Option(
        help:
            "Classifier guidance scale s: score + s·∇ₓ log p(y | x_t) towards --label (or each sample's class); exact runs use the exact class posterior, trained runs the classifier of toy classifier train (default: 0)."
    )
    var classifierScale: Double?
    @Option(help: "ρ of the Karras grid of euler, heun and dpm++2m: 7 (Karras et al. 2022), 1 uniform in σ (default: 7).") var rho: Double?
    @Option(help: "DDIM's η for --sampler ddim: 0 deterministic, 1 ancestral with β̃, between them interpolates (default: 0).") var eta: Double?

    /// Applies the given flags to `c` (its sampler already chosen); `defaults` fill the step count
    /// unless `keepSteps` (a configuration file's own step count stands).
    func apply(to c: inout RunConfiguration, defaults d: DatasetDefaults, keepSteps: Bool = false) {
        c.sampling.samples = samples ?? c.sampling.samples
        if let sampleSteps {
            c.sampling.steps = sampleSteps
        } else if !keepSteps {
            c.defaultSampleSteps(d)
        }
        c.sampling.label = label ?? c.sampling.label
        c.sampling.guidanceScale = guidanceScale ?? c.sampling.guidanceScale
        c.sampling.classifierScale = classifierScale ?? c.sampling.classifierScale
        c.sampling.eta = eta ?? c.sampling.eta
        c.sampling.rho = rho ?? c.sampling.rho
        c.sampling.variance = variance ?? c.sampling.variance
        c.sampling.clip = clip ?? c.sampling.clip
        c.sampling.sharedNoise = sharedNoise || c.sampling.sharedNoise
        c.sampling.odeMethod = odeMethod ?? c.sampling.odeMethod
        c.sampling.odeTolerance = odeTolerance ?? c.sampling.odeTolerance
        c.sampling.predictor = predictor ?? c.sampling.predictor
        c.sampling.correctorSteps = correctorSteps ?? c.sampling.correctorSteps
        c.sampling.snr = snr ?? c.sampling.snr
        c.sampling.denoise = denoise ?? c.sampling.denoise
        c.sampling.langevinStepSize = stepSize ?? c.sampling.langevinStepSize
    }
}
