import Diffusion
import Engine
import Foundation
import Stats

/// Langevin dynamics x ← x + (a/2)·∇log p_σ(x) + √a·z on the noise levels of a noise-conditional
/// score network (Song & Ermon 2019). Annealed (their alg. 1): levels σ₁ > … > σ_L, n = ⌊N/L⌋
/// steps each with a_i = ε·σ_i²/σ_L². Plain: all N steps at σ_L alone — it mixes poorly between
/// separated modes, so it misweights mixtures (their fig. 3), which annealing fixes.
public struct Langevin: Sampler {
    public var annealed: Bool
    /// ε of the step size a_i = ε·σ_i²/σ_L².
    public var stepSize: Double

    public init(annealed: Bool, stepSize: Double = SamplingConfiguration().langevinStepSize) {
        self.annealed = annealed
        self.stepSize = stepSize
    }
    public var summary: String {
        annealed
            ? "annealed Langevin dynamics over the NCSN levels (Song & Ermon 2019, alg. 1)"
            : "plain Langevin dynamics at the smallest noise level (Song & Ermon 2019)"
    }
    public var processes: [ProcessKind] { [.ncsn] }

    /// The (level time, σ, steps) schedule for `steps` total steps.
    public func schedule(_ levels: NoiseLevels, steps: Int) -> [(time: Double, sigma: Double, steps: Int)] {
        guard annealed else { return [(0, levels.sigmaMin, steps)] }
        let perLevel = max(1, steps / levels.levels)
        return (0..<levels.levels).reversed().map { (Double($0), levels.marginal(at: Double($0)).sigma, perLevel) }
    }

    public func sample(
        model: any DenoisingModel, process: any NoiseProcess, initial: Tensor, options: SamplingOptions,
        rng: some RandomSource, progress: (Int) -> Void
    ) throws -> SamplingResult {
        guard let levels = process as? NoiseLevels else {
            throw SamplerError.needsNoiseLevels(sampler: annealed ? "annealed-langevin" : "langevin")
        }
        var x = initial
        var trajectory: [(step: Int, time: Double, x: Tensor)] = options.capture.contains(0) ? [(0, levels.timeRange.upperBound, x)] : []
        let plan = schedule(levels, steps: options.steps)
        let total = plan.map(\.steps).reduce(0, +)
        var done = 0
        for (time, sigma, steps) in plan {
            let a = stepSize * sigma * sigma / (levels.sigmaMin * levels.sigmaMin)
            let (half, sd) = (Float(a / 2), Float(a.squareRoot()))
            for _ in 0..<steps {
                let s = model.score(x, time: time, alpha: 1, sigma: sigma)
                let z = rng.gaussians(x.count)
                for j in 0..<x.count { x.scalars[j] += half * s.scalars[j] + sd * z[j] }
                done += 1
                // Frames at the same fractions of the run as grid samplers keep theirs.
                let frame = Int((Double(done) * Double(options.steps) / Double(total)).rounded())
                if options.capture.contains(frame) && !trajectory.contains(where: { $0.step == frame }) {
                    trajectory.append((frame, time, x))
                }
                progress(min(frame, options.steps))
            }
        }
        return SamplingResult(samples: x, trajectory: trajectory, modelEvaluations: total)
    }
}
