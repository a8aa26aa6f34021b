import Diffusion
import Engine
import Stats

/// Euler's method on the probability-flow ODE in σ-space, dx̃/dσ̃ = (x̃ − D(x̃; σ̃))/σ̃, on the
/// Karras grid (Karras et al. 2022, eq. 3 and alg. 1 without the correction): N evaluations.
public struct Euler: Sampler {
    /// ρ of the Karras grid (7, Karras et al. 2022; 1 is uniform in σ̃, larger crowds steps at low noise).
    public var rho: Double
    public init(rho: Double = 7) {
        precondition(rho > 0 && rho.isFinite, "Karras grid: rho must be positive, got \(rho)")
        self.rho = rho
    }
    public var summary: String { "Euler on the probability-flow ODE in σ-space, Karras grid (Karras et al. 2022)" }
    public var processes: [ProcessKind] { ProcessKind.withMarginals }

    public func sample(
        model: any DenoisingModel, process: any NoiseProcess, initial: Tensor, options: SamplingOptions,
        rng: some RandomSource, progress: (Int) -> Void
    ) throws -> SamplingResult {
        return try runKarrasChain(model: model, process: process, initial: initial, options: options, rho: rho, evaluations: { $0 }, progress: progress) {
            x, i, sigmas, denoiser in Euler.step(&x, from: sigmas[i], to: sigmas[i + 1], denoiser: denoiser)
        }
    }

    /// One step from σ̃ = `s` to `next`.
    static func step(_ x: inout Tensor, from s: Double, to next: Double, denoiser: ScaledDenoiser) {
        let d = denoiser(x, sigma: s)
        let h = Float((next - s) / s)
        for j in 0..<x.count { x.scalars[j] += h * (x.scalars[j] - d.scalars[j]) }
    }
}
