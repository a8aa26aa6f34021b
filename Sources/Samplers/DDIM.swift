import Diffusion
import Engine
import Stats

/// Denoising diffusion implicit models (Song, Meng & Ermon 2021, eq. 12) on any time grid: with
/// x̂₀ and ε̂ from the model at t and (α_s, σ_s) at the next time s,
/// x_s = α_s·x̂₀ + √(σ_s² − c²)·ε̂ + c·z, c = η·(σ_s/σ_t)·σ_{t|s} (for DDPM:
/// η·√((1 − ᾱ_s)/(1 − ᾱ_t))·√(1 − ᾱ_t/ᾱ_s)). η = 0 is deterministic (and invertible, see
/// `encode`); η = 1 is ancestral sampling with the posterior variance.
public struct DDIM: Sampler {
    public var eta: Double

    public init(eta: Double = 0) {
        precondition(eta >= 0, "DDIM: eta must be at least 0, got \(eta)")
        self.eta = eta
    }

    public var summary: String {
        eta == 0
            ? "DDIM with η = 0: deterministic, invertible (Song, Meng & Ermon 2021, eq. 12)"
            : eta == 1 ? "DDIM with η = 1: ancestral sampling with β̃ written in DDIM form" : "DDIM with η = \(eta) (Song, Meng & Ermon 2021, eq. 16)"
    }
    public var processes: [ProcessKind] { ProcessKind.withMarginals }

    public func sample(
        model: any DenoisingModel, process: any NoiseProcess, initial: Tensor, options: SamplingOptions,
        rng: some RandomSource, progress: (Int) -> Void
    ) throws -> SamplingResult {
        let noise = StepNoise(options.noise, count: initial.count, process: process, rng: rng)
        return try runDenoisingChain(model: model, process: process, initial: initial, options: options, progress: progress) {
            x, x0, step, next in
            let c = eta * step.sigmaNext / step.sigma * step.transition.variance.squareRoot()
            let z: [Float] = c > 0 ? noise.draw(x.count, from: step.time, to: next) : []
            let (a, s) = (Float(step.alpha), Float(step.sigma))
            let (an, dir, sd) = (Float(step.alphaNext), Float(max(step.sigmaNext * step.sigmaNext - c * c, 0).squareRoot()), Float(c))
            for j in 0..<x.count {
                let eps = (x.scalars[j] - a * x0.scalars[j]) / s  // ε̂ consistent with the (possibly clipped) x̂₀
                x.scalars[j] = an * x0.scalars[j] + dir * eps + (c > 0 ? sd * z[j] : 0)
            }
        }
    }

    /// Deterministic DDIM inversion: the η = 0 update run forward in time from x₀ to the top of the
    /// grid, x_next = α_next·x̂₀ + σ_next·ε̂ with the model evaluated at the current point (at x₀
    /// itself, at the first grid time).
    public static func encode(model: any DenoisingModel, process: any NoiseProcess, x0: Tensor, steps: Int) throws -> Tensor {
        let times = try process.samplingTimes(steps: steps).reversed()
        var x = x0
        var current: Double? = nil
        for t in times {
            let (alpha, sigma) = current.map { process.marginal(at: $0) } ?? (1, 0)
            let evalTime = current ?? t
            let (ea, es) = process.marginal(at: evalTime)
            let eps = model.epsilon(x, time: evalTime, alpha: ea, sigma: es)
            let (an, sn) = process.marginal(at: t)
            for j in 0..<x.count {
                let x0 = (x.scalars[j] - Float(sigma) * eps.scalars[j]) / Float(alpha)
                x.scalars[j] = Float(an) * x0 + Float(sn) * eps.scalars[j]
            }
            current = t
        }
        return x
    }
}
