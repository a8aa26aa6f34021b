import Diffusion
import Engine
import Stats

/// Euler–Maruyama on the reverse-time SDE dx = [f(t)x − g(t)²∇log p_t(x)] dt + g(t) dW̄
/// (Song et al. 2021, eq. 6; VP, VE or sub-VP) on N equal steps from t = 1 to ε; the last step
/// adds no noise, and `denoise` finishes with Tweedie's x̂₀ (one more evaluation).
public struct ReverseSDE: Sampler {
    public init() {}

    public func sample(
        model: any DenoisingModel, process: any NoiseProcess, initial: Tensor, options: SamplingOptions,
        rng: some RandomSource, progress: (Int) -> Void
    ) throws -> SamplingResult {
        let context = try SDEContext(sampler: "reverse-sde", model: model, process: process)
        let noise = StepNoise(options.noise, count: initial.count, process: process, rng: rng)
        let times = try process.samplingTimes(steps: options.steps + 1)
        var x = initial
        var trajectory: [(step: Int, time: Double, x: Tensor)] = options.capture.contains(0) ? [(0, times[0], x)] : []
        for k in 0..<options.steps {
            let (t, next) = (times[k], times[k + 1])
            let dt = t - next
            let (f, g) = context.sde.coefficients(t)
            let score = context.score(x, t)
            let last = k == options.steps - 1
            let z: [Float] = last ? [] : noise.draw(x.count, from: t, to: next)
            let (ff, g2, noiseScale) = (Float(f * dt), Float(g * g * dt), Float(g * dt.squareRoot()))
            for j in 0..<x.count {
                x.scalars[j] += -ff * x.scalars[j] + g2 * score.scalars[j] + (last ? 0 : noiseScale * z[j])
            }
            if options.capture.contains(k + 1) { trajectory.append((k + 1, next, x)) }
            progress(k + 1)
        }
        if options.denoise { x = context.denoised(x, times.last!, clip: options.clip) }
        return SamplingResult(samples: x, trajectory: trajectory, modelEvaluations: options.steps + (options.denoise ? 1 : 0))
    }
}
