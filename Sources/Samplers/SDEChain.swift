import Diffusion
import Engine
import Stats

/// What the SDE samplers share: the process's SDE (or an error naming the sampler), the score of
/// the model at continuous time t, and the optional final denoising step x̂₀ = E[x₀ | x_t]
/// (Tweedie's formula, Efron 2011: x̂₀ = (x_t + σ²∇log p_t)/α).
struct SDEContext {
    let model: any DenoisingModel
    let process: any NoiseProcess
    let sde: any ForwardSDE

    init(sampler: String, model: any DenoisingModel, process: any NoiseProcess) throws {
        guard let sde = process.sde else { throw SamplerError.needsSDE(sampler: sampler) }
        self.model = model
        self.process = process
        self.sde = sde
    }

    func score(_ x: Tensor, _ t: Double) -> Tensor {
        let (a, s) = process.marginal(at: t)
        return model.score(x, time: t, alpha: a, sigma: s)
    }

    func denoised(_ x: Tensor, _ t: Double, clip: Double?) -> Tensor {
        let (a, s) = process.marginal(at: t)
        return model.denoised(x, time: t, alpha: a, sigma: s, clip: clip)
    }
}

extension SDEContext {
    /// One reverse-time Euler–Maruyama step from t down to `next` (Song et al. 2021, eq. 6):
    /// x ← x − f(t)x·Δt + g(t)²·s·Δt + g(t)·√Δt·z, Δt = t − next; no noise when `z` is nil.
    func eulerMaruyamaStep(_ x: inout Tensor, score: Tensor, from t: Double, to next: Double, noise z: [Float]?) {
        let dt = t - next
        let (f, g) = sde.coefficients(t)
        let (ff, g2, scale) = (Float(f * dt), Float(g * g * dt), Float(g * dt.squareRoot()))
        if let z {
            for j in 0..<x.count { x.scalars[j] += -ff * x.scalars[j] + g2 * score.scalars[j] + scale * z[j] }
        } else {
            for j in 0..<x.count { x.scalars[j] += -ff * x.scalars[j] + g2 * score.scalars[j] }
        }
    }

    /// The loop of the SDE samplers: N steps on the process's sampling grid from t = 1 to ε, each
    /// given its step noise (nil on the last step, which adds none), frames captured as asked,
    /// then Tweedie's x̂₀ when `denoise` is on. `evaluationsPerStep` counts the model calls of a step.
    func run(
        initial: Tensor, options: SamplingOptions, denoise: Bool, rng: some RandomSource, evaluationsPerStep: Int, progress: (Int) -> Void,
        step: (inout Tensor, _ t: Double, _ next: Double, _ noise: [Float]?) -> Void
    ) throws -> SamplingResult {
        let noise = StepNoise(options.noise, count: initial.count, process: process, rng: rng)
        let times = try process.samplingTimes(steps: options.steps + 1)
        var x = initial
        var trajectory: [(step: Int, time: Double, x: Tensor)] = options.capture.contains(0) ? [(0, times[0], x)] : []
        for k in 0..<options.steps {
            let (t, next) = (times[k], times[k + 1])
            step(&x, t, next, k == options.steps - 1 ? nil : noise.draw(x.count, from: t, to: next))
            if options.capture.contains(k + 1) { trajectory.append((k + 1, next, x)) }
            progress(k + 1)
        }
        if denoise { x = denoised(x, times.last!, clip: options.clip) }
        return SamplingResult(
            samples: x, trajectory: trajectory, modelEvaluations: options.steps * evaluationsPerStep + (denoise ? 1 : 0))
    }
}
