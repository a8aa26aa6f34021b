import Diffusion
import Engine
import Stats

/// Ancestral sampling of DDPM (Ho et al. 2020, alg. 2) on a timestep subsequence τ (respaced
/// chain, Nichol & Dhariwal 2021): for i = S−1…0, x̂₀ from the model, then
/// x_{τ_{i−1}} = c₀·x̂₀ + c_t·x_{τ_i} + σ·z with the posterior coefficients of ᾱ_{τ_i} → ᾱ_{τ_{i−1}}
/// (ᾱ = 1 below τ₀), σ² = β′ or β̃′; no noise is added at the last step, which returns x̂₀.
public struct DDPMAncestral: Sampler {
    public init() {}

    public func sample(
        model: any DenoisingModel, process: DiscreteDDPM, initial: Tensor, options: SamplingOptions,
        rng: some RandomSource, progress: (Int) -> Void
    ) throws -> SamplingResult {
        try runReverseChain(process: process, initial: initial, options: options, progress: progress) { x, step in
            let x0 = model.predictedX0(x, step, clip: options.clip)
            let posterior = Posterior(alphaBar: step.alphaBar, alphaBarPrevious: step.alphaBarNext)
            let (c0, ct, posteriorVariance) = posterior.coefficients
            let sd = Float((options.variance == .beta ? posterior.beta : posteriorVariance).squareRoot())
            let z: [Float] = step.isLast ? [] : rng.gaussians(x.count)
            let (fc0, fct) = (Float(c0), Float(ct))
            for j in 0..<x.count { x.scalars[j] = fc0 * x0.scalars[j] + fct * x.scalars[j] + (step.isLast ? 0 : sd * z[j]) }
        }
    }
}
