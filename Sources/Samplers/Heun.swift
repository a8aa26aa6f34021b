import Diffusion
import Engine
import Stats

/// Heun's second-order method on the probability-flow ODE in σ-space on the Karras grid
/// (Karras et al. 2022, alg. 1): an Euler step, then the trapezoidal correction with the slope at
/// its end, except on the last step to σ̃ = 0 (plain Euler there): 2N − 1 evaluations.
public struct Heun: Sampler {
    /// ρ of the Karras grid (7, Karras et al. 2022; 1 is uniform in σ̃, larger crowds steps at low noise).
    public var rho: Double
    public init(rho: Double = 7) {
        precondition(rho > 0 && rho.isFinite, "Karras grid: rho must be positive, got \(rho)")
        self.rho = rho
    }
    public var summary: String { "Heun's 2nd-order method on the Karras grid, 2N − 1 evaluations (Karras et al. 2022, alg. 1)" }
    public var processes: [ProcessKind] { ProcessKind.withMarginals }
    public func steps(forEvaluations evaluations: Int) -> Int { max(1, (evaluations + 1) / 2) }

    public func sample(
        model: any DenoisingModel, process: any NoiseProcess, initial: Tensor, options: SamplingOptions,
        rng: some RandomSource, progress: (Int) -> Void
    ) throws -> SamplingResult {
        return try runKarrasChain(model: model, process: process, initial: initial, options: options, rho: rho, evaluations: { 2 * $0 - 1 }, progress: progress)
        { x, i, sigmas, denoiser in Heun.step(&x, from: sigmas[i], to: sigmas[i + 1], denoiser: denoiser) }
    }

    /// One step from σ̃ = `s` to `next`: Euler, then the trapezoidal correction unless `next` is 0.
    static func step(_ x: inout Tensor, from s: Double, to next: Double, denoiser: ScaledDenoiser) {
        let d0 = denoiser(x, sigma: s)
        var slope = [Float](repeating: 0, count: x.count)
        for j in 0..<x.count { slope[j] = (x.scalars[j] - d0.scalars[j]) / Float(s) }
        let dt = Float(next - s)
        if next == 0 {
            for j in 0..<x.count { x.scalars[j] += dt * slope[j] }
            return
        }
        var euler = x
        for j in 0..<x.count { euler.scalars[j] += dt * slope[j] }
        let d1 = denoiser(euler, sigma: next)
        for j in 0..<x.count {
            let slope1 = (euler.scalars[j] - d1.scalars[j]) / Float(next)
            x.scalars[j] += dt * 0.5 * (slope[j] + slope1)
        }
    }
}
