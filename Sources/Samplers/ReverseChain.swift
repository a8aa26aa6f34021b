import Diffusion
import Engine

/// One step of a reverse chain on a timestep subsequence, from τ_i down to τ_{i−1}.
public struct ReverseStep {
    /// The current timestep τ_i.
    public let timestep: Int
    /// ᾱ at τ_i and at the next (lower) time, 1 below the first timestep.
    public let alphaBar: Double
    public let alphaBarNext: Double
    /// Whether this is the final step (to x₀).
    public let isLast: Bool
}

/// The loop every discrete reverse-time sampler shares: walk the subsequence from its top, let
/// `update` map x at each step (evaluating the model as it needs), keep the requested trajectory
/// frames and report progress. Samplers differ only in `update`.
public func runReverseChain(
    process: DiscreteDDPM, initial: Tensor, options: SamplingOptions, progress: (Int) -> Void,
    update: (inout Tensor, ReverseStep) -> Void
) throws -> SamplingResult {
    let sequence = try timestepSubsequence(timesteps: process.timesteps, steps: options.steps)
    var x = initial
    var trajectory: [(step: Int, time: Double, x: Tensor)] = []
    if options.capture.contains(0) { trajectory.append((0, Double(sequence.last!), x)) }
    for (done, i) in sequence.indices.reversed().enumerated() {
        let t = sequence[i]
        update(
            &x,
            ReverseStep(
                timestep: t, alphaBar: process.alphaBar[t], alphaBarNext: i > 0 ? process.alphaBar[sequence[i - 1]] : 1,
                isLast: i == 0))
        let step = done + 1
        if options.capture.contains(step) { trajectory.append((step, i > 0 ? Double(sequence[i - 1]) : -1, x)) }
        progress(step)
    }
    return SamplingResult(samples: x, trajectory: trajectory, modelEvaluations: sequence.count)
}

extension DenoisingModel {
    /// x̂₀ at x_t for a step at ᾱ, clipped to [−clip, clip] when asked.
    func predictedX0(_ x: Tensor, _ step: ReverseStep, clip: Double?) -> Tensor {
        let output = self(x, time: Float(step.timestep))
        let (a, s) = (Float(step.alphaBar.squareRoot()), Float((1 - step.alphaBar).squareRoot()))
        let c = clip.map(Float.init)
        var x0 = output
        for j in 0..<x0.count {
            var v = prediction.x0(from: output.scalars[j], x: x.scalars[j], alpha: a, sigma: s)
            if let c { v = min(max(v, -c), c) }
            x0.scalars[j] = v
        }
        return x0
    }
}
