import Diffusion
import Engine
import Stats

/// Ancestral sampling of DDPM (Ho et al. 2020, alg. 2) on any time grid (a respaced chain,
/// Nichol & Dhariwal 2021, for discrete processes): x̂₀ from the model, then
/// x_s = c_t·x_t + c₀·x̂₀ + σ·z with the posterior of the step t → s, σ² = β′ (the step's
/// transition variance) or β̃′ (the posterior's); the last step adds no noise and returns x̂₀.
public struct DDPMAncestral: Sampler {
    /// σ² = β′ or the posterior's β̃′.
    public var variance: ReverseVariance

    public init(variance: ReverseVariance = SamplingConfiguration().variance) { self.variance = variance }
    public var summary: String { "DDPM ancestral sampling, variance β or β̃, on any subsequence of timesteps (Ho et al. 2020, alg. 2)" }
    public var processes: [ProcessKind] { ProcessKind.withMarginals }

    public func sample(
        model: any DenoisingModel, process: any NoiseProcess, initial: Tensor, options: SamplingOptions,
        rng: some RandomSource, progress: (Int) -> Void
    ) throws -> SamplingResult {
        let noise = StepNoise(options.noise, count: initial.count, process: process, rng: rng)
        return try runDenoisingChain(model: model, process: process, initial: initial, options: options, progress: progress) {
            x, x0, step, next in
            let (ct, c0, posteriorVariance) = step.posterior
            let sd = Float((variance == .beta ? step.transition.variance : posteriorVariance).squareRoot())
            let z = noise.draw(x.count, from: step.time, to: next)
            let (fc0, fct) = (Float(c0), Float(ct))
            for j in 0..<x.count { x.scalars[j] = fc0 * x0.scalars[j] + fct * x.scalars[j] + sd * z[j] }
        }
    }
}
