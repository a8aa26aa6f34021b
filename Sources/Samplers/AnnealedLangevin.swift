import Foundation
import Stats

/// Langevin dynamics x ← x + (a/2)·∇log p_σ(x) + √a·z on a score given at any noise level σ.
/// Annealed (Song & Ermon 2019, alg. 1): geometric levels σ₁ > … > σ_L, `stepsPerLevel` steps each
/// with a_i = ε·σ_i²/σ_L². Plain: all steps at σ_L alone — it mixes poorly between separated
/// modes, so it misweights mixtures (Song & Ermon 2019, fig. 3), which annealing fixes.
public struct AnnealedLangevin: Sendable {
    /// Noise levels, largest first.
    public var sigmas: [Double]
    public var stepsPerLevel: Int
    /// ε of the step size a_i = ε·σ_i²/σ_L².
    public var stepSize: Double

    /// Geometric levels from `sigmaMax` down to `sigmaMin`.
    public init(sigmaMax: Double, sigmaMin: Double, levels: Int, stepsPerLevel: Int, stepSize: Double) {
        precondition(
            sigmaMax >= sigmaMin && sigmaMin > 0 && levels >= 1 && stepsPerLevel >= 1 && stepSize > 0,
            "AnnealedLangevin: need sigmaMax >= sigmaMin > 0, levels, steps and step size positive")
        sigmas = levels == 1 ? [sigmaMin] : (0..<levels).map { sigmaMax * pow(sigmaMin / sigmaMax, Double($0) / Double(levels - 1)) }
        self.stepsPerLevel = stepsPerLevel
        self.stepSize = stepSize
    }

    /// Plain Langevin dynamics: `steps` steps at the single level σ.
    public static func plain(sigma: Double, steps: Int, stepSize: Double) -> AnnealedLangevin {
        AnnealedLangevin(sigmaMax: sigma, sigmaMin: sigma, levels: 1, stepsPerLevel: steps, stepSize: stepSize)
    }

    /// Number of score evaluations.
    public var modelEvaluations: Int { sigmas.count * stepsPerLevel }

    /// Runs the chain from `initial` points; `score(x, σ)` is ∇ₓ log p_σ(x).
    public func sample(
        initial: [SIMD2<Double>], rng: some RandomSource,
        score: (SIMD2<Double>, Double) -> SIMD2<Double>
    ) -> [SIMD2<Double>] {
        var x = initial
        let last = sigmas.last!
        for sigma in sigmas {
            let a = stepSize * sigma * sigma / (last * last)
            let noise = a.squareRoot()
            for _ in 0..<stepsPerLevel {
                for i in x.indices {
                    x[i] += (a / 2) * score(x[i], sigma) + noise * SIMD2(rng.gaussian(), rng.gaussian())
                }
            }
        }
        return x
    }
}
