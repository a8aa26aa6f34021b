import Diffusion
import Engine
import Stats

/// Euler–Maruyama on the reverse-time SDE dx = [f(t)x − g(t)²∇log p_t(x)] dt + g(t) dW̄
/// (Song et al. 2021, eq. 6; VP, VE or sub-VP) on N equal steps from t = 1 to ε; the last step
/// adds no noise, and `denoise` finishes with Tweedie's x̂₀ (one more evaluation).
public struct ReverseSDE: Sampler {
    /// Finish with Tweedie's x̂₀ = E[x₀ | x_ε] (one more evaluation).
    public var denoise: Bool

    public init(denoise: Bool = SamplingConfiguration().denoise) { self.denoise = denoise }
    public var summary: String { "Euler–Maruyama on the reverse-time SDE (Song et al. 2021, eq. 6)" }
    public var processes: [ProcessKind] { ProcessKind.withSDE }
    public func steps(forEvaluations evaluations: Int) -> Int { max(1, evaluations - (denoise ? 1 : 0)) }

    public func sample(
        model: any DenoisingModel, process: any NoiseProcess, initial: Tensor, options: SamplingOptions,
        rng: some RandomSource, progress: (Int) -> Void
    ) throws -> SamplingResult {
        let context = try SDEContext(sampler: "reverse-sde", model: model, process: process)
        return try context.run(initial: initial, options: options, denoise: denoise, rng: rng, evaluationsPerStep: 1, progress: progress) {
            x, t, next, z in
            context.eulerMaruyamaStep(&x, score: context.score(x, t), from: t, to: next, noise: z)
        }
    }
}
