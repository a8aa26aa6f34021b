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
        let sequence = try timestepSubsequence(timesteps: process.timesteps, steps: options.steps)
        var x = initial
        var trajectory: [(step: Int, time: Double, x: Tensor)] = []
        if options.capture.contains(0) { trajectory.append((0, Double(sequence.last!), x)) }
        for (done, i) in sequence.indices.reversed().enumerated() {
            let t = sequence[i]
            let alphaBar = process.alphaBar[t], previous = i > 0 ? process.alphaBar[sequence[i - 1]] : 1
            let sigma = eta * ((1 - previous) / (1 - alphaBar)).squareRoot() * (1 - alphaBar / previous).squareRoot()
            let output = model(x, time: Float(t))
            let z: [Float] = sigma > 0 ? rng.gaussians(x.count) : []
            let (a, s) = (Float(alphaBar.squareRoot()), Float((1 - alphaBar).squareRoot()))
            let (ap, dir, noise) = (Float(previous.squareRoot()), Float(max(1 - previous - sigma * sigma, 0).squareRoot()), Float(sigma))
            let prediction = model.prediction
            let clip = options.clip.map(Float.init)
            for j in 0..<x.count {
                let o = output.scalars[j], xj = x.scalars[j]
                var x0 = prediction.x0(from: o, x: xj, alpha: a, sigma: s)
                if let clip { x0 = min(max(x0, -clip), clip) }
                // ε̂ consistent with the (possibly clipped) x̂₀.
                let eps = (xj - a * x0) / s
                x.scalars[j] = ap * x0 + dir * eps + (sigma > 0 ? noise * z[j] : 0)
            }
            let step = done + 1
            if options.capture.contains(step) { trajectory.append((step, i > 0 ? Double(sequence[i - 1]) : -1, x)) }
            progress(step)
        }
        return SamplingResult(samples: x, trajectory: trajectory, modelEvaluations: sequence.count)
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
