import Diffusion
import Engine
import Foundation
import Stats

/// Predictor–corrector sampling (Song et al. 2021, alg. 4 (VE) and 5 (VP), any SDE) on N steps
/// from t = 1 to ε. At each grid time: M Langevin corrector steps x ← x + a·s + √(2a)·z with
/// a = 2·α_c·(r·‖z‖/‖s‖)² (mean norms over the batch, r the signal-to-noise ratio, α_c the squared
/// one-step α of the process: 1 for VE), then one predictor step to the next time — reverse
/// diffusion, x_s = (x_t + σ_{t|s}²·s)/α_{t|s} + σ_{t|s}·z (ancestral sampling with σ² = β for
/// VP), or reverse-SDE Euler–Maruyama. The last predictor step adds no noise; `denoise` finishes
/// with Tweedie's x̂₀. N·(1 + M) evaluations (+1 with `denoise`).
public struct PredictorCorrector: Sampler {
    public var predictor: Predictor
    /// Langevin corrector steps per predictor step, and its signal-to-noise ratio r.
    public var correctorSteps: Int
    public var snr: Double
    /// Finish with Tweedie's x̂₀ (one more evaluation).
    public var denoise: Bool

    public init(
        predictor: Predictor = SamplingConfiguration().predictor, correctorSteps: Int = SamplingConfiguration().correctorSteps,
        snr: Double = SamplingConfiguration().snr, denoise: Bool = SamplingConfiguration().denoise
    ) {
        self.predictor = predictor
        self.correctorSteps = correctorSteps
        self.snr = snr
        self.denoise = denoise
    }
    public var summary: String { "predictor–corrector: reverse diffusion + Langevin corrector with --snr (Song et al. 2021, alg. 4–5)" }
    public var processes: [ProcessKind] { ProcessKind.withSDE }
    public func steps(forEvaluations evaluations: Int) -> Int {
        max(1, (evaluations - (denoise ? 1 : 0)) / (1 + correctorSteps))
    }

    public func sample(
        model: any DenoisingModel, process: any NoiseProcess, initial: Tensor, options: SamplingOptions,
        rng: some RandomSource, progress: (Int) -> Void
    ) throws -> SamplingResult {
        let context = try SDEContext(sampler: "pc", model: model, process: process)
        let corrector = LangevinCorrector(snr: snr, steps: correctorSteps)
        return try context.run(
            initial: initial, options: options, denoise: denoise, rng: rng, evaluationsPerStep: 1 + correctorSteps, progress: progress
        ) { x, t, next, z in
            let (at, st) = process.marginal(at: t), (an, sn) = process.marginal(at: next)
            let alphaStep = at / an
            // Corrector: Langevin dynamics at time t.
            corrector.correct(&x, alphaStep: alphaStep, rng: rng) { context.score($0, t) }
            // Predictor: one step from t to the next time.
            let score = context.score(x, t)
            switch predictor {
            case .reverseDiffusion:
                let variance = max(st * st - alphaStep * alphaStep * sn * sn, 0)
                let (inv, v, sd) = (Float(1 / alphaStep), Float(variance), Float(variance.squareRoot()))
                if let z {
                    for j in 0..<x.count { x.scalars[j] = inv * (x.scalars[j] + v * score.scalars[j]) + sd * z[j] }
                } else {
                    for j in 0..<x.count { x.scalars[j] = inv * (x.scalars[j] + v * score.scalars[j]) }
                }
            case .eulerMaruyama:
                context.eulerMaruyamaStep(&x, score: score, from: t, to: next, noise: z)
            }
        }
    }
}
