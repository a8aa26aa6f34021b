import Diffusion
import Engine
import Foundation
import Stats

/// DPM-Solver++(2M) (Lu et al. 2022, alg. 2), the multistep second-order solver of the
/// probability-flow ODE in its data-prediction form, on the Karras grid in σ-space (λ = −log σ̃):
/// x̃_{i+1} = (σ̃_{i+1}/σ̃_i)·x̃_i − (e^{−h_i} − 1)·D_i with h_i = λ_{i+1} − λ_i,
/// D_i = (1 + 1/(2r_i))·x̂₀_i − 1/(2r_i)·x̂₀_{i−1}, r_i = h_{i−1}/h_i (first step: D = x̂₀); the
/// last step to σ̃ = 0 returns x̂₀. One evaluation per step.
public struct DPMSolverPlusPlus2M: Sampler {
    /// ρ of the Karras grid (7, Karras et al. 2022; 1 is uniform in σ̃, larger crowds steps at low noise).
    public var rho: Double
    public init(rho: Double = 7) {
        precondition(rho > 0 && rho.isFinite, "Karras grid: rho must be positive, got \(rho)")
        self.rho = rho
    }
    public var summary: String { "DPM-Solver++(2M), multistep 2nd order, Karras grid (Lu et al. 2022)" }
    public var processes: [ProcessKind] { ProcessKind.withMarginals }

    public func sample(
        model: any DenoisingModel, process: any NoiseProcess, initial: Tensor, options: SamplingOptions,
        rng: some RandomSource, progress: (Int) -> Void
    ) throws -> SamplingResult {
        var previous: Tensor? = nil
        return try runKarrasChain(model: model, process: process, initial: initial, options: options, rho: rho, evaluations: { $0 }, progress: progress) {
            x, i, sigmas, denoiser in
            let (s, next) = (sigmas[i], sigmas[i + 1])
            let d = denoiser(x, sigma: s)
            defer { previous = d }
            guard next > 0 else {
                x = d
                return
            }
            let h = log(s / next)
            let ratio = Float(next / s), coef = Float(-expm1(-h))
            var blend = d
            if let previous, i > 0 {
                let r = log(sigmas[i - 1] / s) / h
                let (c1, c2) = (Float(1 + 1 / (2 * r)), Float(1 / (2 * r)))
                for j in 0..<x.count { blend.scalars[j] = c1 * d.scalars[j] - c2 * previous.scalars[j] }
            }
            for j in 0..<x.count { x.scalars[j] = ratio * x.scalars[j] + coef * blend.scalars[j] }
        }
    }
}
