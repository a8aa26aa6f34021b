import Diffusion
import Engine
import Stats

/// Denoising diffusion implicit models (Song, Meng & Ermon 2021, eq. 12) on a timestep
/// subsequence τ: with x̂₀ and ε̂ from the model at τ_i and ᾱ′ = ᾱ_{τ_{i−1}} (1 below τ₀),
/// x′ = √ᾱ′·x̂₀ + √(1 − ᾱ′ − σ²)·ε̂ + σ·z, σ = η·√((1 − ᾱ′)/(1 − ᾱ))·√(1 − ᾱ/ᾱ′).
/// η = 0 is deterministic (and invertible, see `encode`); η = 1 is ancestral sampling with β̃.
public struct DDIM: Sampler {
    public var eta: Double

    public init(eta: Double = 0) {
        precondition(eta >= 0, "DDIM: eta must be at least 0, got \(eta)")
        self.eta = eta
    }

    public func sample(
        model: any DenoisingModel, process: DiscreteDDPM, initial: Tensor, options: SamplingOptions,
        rng: some RandomSource, progress: (Int) -> Void
    ) throws -> SamplingResult {
        try runReverseChain(process: process, initial: initial, options: options, progress: progress) { x, step in
            let (alphaBar, next) = (step.alphaBar, step.alphaBarNext)
            let sigma = eta * ((1 - next) / (1 - alphaBar)).squareRoot() * (1 - alphaBar / next).squareRoot()
            let x0 = model.predictedX0(x, step, clip: options.clip)
            let z: [Float] = sigma > 0 ? rng.gaussians(x.count) : []
            let (a, s) = (Float(alphaBar.squareRoot()), Float((1 - alphaBar).squareRoot()))
            let (an, dir, sd) = (Float(next.squareRoot()), Float(max(1 - next - sigma * sigma, 0).squareRoot()), Float(sigma))
            for j in 0..<x.count {
                let eps = (x.scalars[j] - a * x0.scalars[j]) / s  // ε̂ consistent with the (possibly clipped) x̂₀
                x.scalars[j] = an * x0.scalars[j] + dir * eps + (sigma > 0 ? sd * z[j] : 0)
            }
        }
    }

    /// Deterministic DDIM inversion: runs the η = 0 update forward in time from x₀ to x_{τ_last},
    /// x_next = √ᾱ_next·x̂₀ + √(1 − ᾱ_next)·ε̂ with the model evaluated at the current point.
    public static func encode(model: any DenoisingModel, process: DiscreteDDPM, x0: Tensor, steps: Int) throws -> Tensor {
        let sequence = try timestepSubsequence(timesteps: process.timesteps, steps: steps)
        var x = x0
        var current = -1
        for t in sequence {
            let alphaBar = current < 0 ? 1 : process.alphaBar[current]
            let next = process.alphaBar[t]
            // At x₀ itself (ᾱ = 1) the model is evaluated at the first grid time.
            let evalTime = current < 0 ? t : current
            let (a, s) = (Float(process.alphaBar[evalTime].squareRoot()), Float((1 - process.alphaBar[evalTime]).squareRoot()))
            let output = model(x, time: Float(evalTime))
            for j in 0..<x.count {
                let eps = model.prediction.epsilon(from: output.scalars[j], x: x.scalars[j], alpha: a, sigma: s)
                let x0 = (x.scalars[j] - Float((1 - alphaBar).squareRoot()) * eps) / Float(alphaBar.squareRoot())
                x.scalars[j] = Float(next.squareRoot()) * x0 + Float((1 - next).squareRoot()) * eps
            }
            current = t
        }
        return x
    }
}
