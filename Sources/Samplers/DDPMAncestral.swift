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
        let sequence = try timestepSubsequence(timesteps: process.timesteps, steps: options.steps)
        var x = initial
        var trajectory: [(step: Int, time: Double, x: Tensor)] = []
        if options.capture.contains(0) { trajectory.append((0, Double(sequence.last!), x)) }
        let clip = options.clip.map(Float.init)
        for (done, i) in sequence.indices.reversed().enumerated() {
            let t = sequence[i]
            let previous = i > 0 ? process.alphaBar[sequence[i - 1]] : 1
            let (alpha, sigma) = process.marginal(t)
            let output = model(x, time: Float(t))
            let posterior = Posterior(alphaBar: process.alphaBar[t], alphaBarPrevious: previous)
            let (c0, ct, posteriorVariance) = posterior.coefficients
            let variance = options.variance == .beta ? posterior.beta : posteriorVariance
            let noiseScale = i > 0 ? Float(variance.squareRoot()) : 0
            let z: [Float] = i > 0 ? rng.gaussians(x.count) : []
            let (a, s, fc0, fct) = (Float(alpha), Float(sigma), Float(c0), Float(ct))
            let prediction = model.prediction
            x.scalars.withUnsafeMutableBufferPointer { px in
                output.scalars.withUnsafeBufferPointer { po in
                    for j in 0..<px.count {
                        var x0 = prediction.x0(from: po[j], x: px[j], alpha: a, sigma: s)
                        if let clip { x0 = min(max(x0, -clip), clip) }
                        px[j] = fc0 * x0 + fct * px[j] + (i > 0 ? noiseScale * z[j] : 0)
                    }
                }
            }
            let step = done + 1
            if options.capture.contains(step) { trajectory.append((step, i > 0 ? Double(sequence[i - 1]) : -1, x)) }
            progress(step)
        }
        return SamplingResult(samples: x, trajectory: trajectory, modelEvaluations: sequence.count)
    }
}
