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
    @Flag(help: "Stochastic samplers use one Brownian path, so runs at different --sample-steps share their noise.")
    var sharedNoise = false
    @Option(help: "GSL integrator of --sampler ode: rkf45 or rk8pd (default: rkf45).") var odeMethod: ODEMethod?
    @Option(help: "Absolute and relative tolerance of --sampler ode (default: 1e-5).") var odeTolerance: Double?
    @Option(help: "Predictor of --sampler pc: reverse-diffusion or euler-maruyama (default: reverse-diffusion).") var predictor: Predictor?
    @Option(help: "Langevin corrector steps per step of --sampler pc (default: 1).") var correctorSteps: Int?
    @Option(help: "Signal-to-noise ratio r of the pc corrector (default: 0.16).") var snr: Double?
    @Flag(inversion: .prefixedNo, help: "SDE and ODE samplers finish with the denoised x̂₀ (default: on).") var denoise: Bool?
    @Option(help: "Langevin step size ε, a_i = ε·σ_i²/σ_L² (default: \(base.langevinStepSize); gmm: 0.01).") var stepSize: Double?

    /// Applies the given flags to `c` (its sampler already chosen); `defaults` fill the step count.
    func apply(to c: inout RunConfiguration, defaults d: DatasetDefaults) {
        c.samples = samples ?? c.samples
        let langevin = c.sampler == .langevin || c.sampler == .annealedLangevin
        c.sampleSteps = sampleSteps ?? (langevin ? d.langevinStepsPerLevel * c.levels : min(d.sampleSteps, c.timesteps))
        c.variance = variance ?? c.variance
        c.clip = clip ?? c.clip
        c.sharedNoise = sharedNoise || c.sharedNoise
        c.odeMethod = odeMethod ?? c.odeMethod
        c.odeTolerance = odeTolerance ?? c.odeTolerance
        c.predictor = predictor ?? c.predictor
        c.correctorSteps = correctorSteps ?? c.correctorSteps
        c.snr = snr ?? c.snr
        c.denoise = denoise ?? c.denoise
        c.langevinStepSize = stepSize ?? c.langevinStepSize
    }
}
