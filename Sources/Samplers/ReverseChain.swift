import Diffusion
import Engine

/// One step of a reverse chain on a time grid, from time t down to the next grid time s (or to
/// clean data, α = 1 and σ = 0, after the last grid time).
public struct ReverseStep {
    public let time: Double
    public let nextTime: Double?
    public let alpha: Double, sigma: Double
    public let alphaNext: Double, sigmaNext: Double
    public var isLast: Bool { nextTime == nil }

    /// The Gaussian transition x_t = α_{t|s}·x_s + σ_{t|s}·z between the two times:
    /// α_{t|s} = α_t/α_s, σ_{t|s}² = σ_t² − α_{t|s}²σ_s² (Kingma et al. 2021, eq. 8).
    public var transition: (alpha: Double, variance: Double) {
        let a = alpha / alphaNext
        return (a, max(sigma * sigma - a * a * sigmaNext * sigmaNext, 0))
    }

    /// The posterior q(x_s | x_t, x₀) = N(c_t·x_t + c₀·x₀, v) (Kingma et al. 2021, eqs. 9–10):
    /// c_t = α_{t|s}σ_s²/σ_t², c₀ = α_sσ_{t|s}²/σ_t², v = σ_{t|s}²σ_s²/σ_t². For DDPM these are the
    /// coefficients of Ho et al. 2020, eq. 7.
    public var posterior: (coefXt: Double, coefX0: Double, variance: Double) {
        let (a, v) = transition
        let s2 = sigma * sigma, n2 = sigmaNext * sigmaNext
        return (a * n2 / s2, alphaNext * v / s2, v * n2 / s2)
    }
}

/// The loop every grid-based reverse sampler shares: walk the process's sampling times from the
/// top, let `update` map x at each step (evaluating the model as it needs), keep the requested
/// trajectory frames and report progress. Samplers differ only in `update`.
public func runReverseChain(
    process: any NoiseProcess, initial: Tensor, options: SamplingOptions, evaluationsPerStep: Int = 1,
    progress: (Int) -> Void, update: (inout Tensor, ReverseStep) throws -> Void
) throws -> SamplingResult {
    let times = try process.samplingTimes(steps: options.steps)
    var x = initial
    var trajectory: [(step: Int, time: Double, x: Tensor)] = []
    if options.capture.contains(0) { trajectory.append((0, times[0], x)) }
    for (i, t) in times.enumerated() {
        let next = i + 1 < times.count ? times[i + 1] : nil
        let (a, s) = process.marginal(at: t)
        let (an, sn) = next.map { process.marginal(at: $0) } ?? (1, 0)
        try update(&x, ReverseStep(time: t, nextTime: next, alpha: a, sigma: s, alphaNext: an, sigmaNext: sn))
        let step = i + 1
        if options.capture.contains(step) { trajectory.append((step, next ?? -1, x)) }
        progress(step)
    }
    return SamplingResult(samples: x, trajectory: trajectory, modelEvaluations: times.count * evaluationsPerStep)
}

/// `runReverseChain` for samplers that move from x̂₀: the model's x̂₀ at each step (clipped when
/// asked) is handed to `update` with the next time; the last step returns x̂₀ itself.
func runDenoisingChain(
    model: any DenoisingModel, process: any NoiseProcess, initial: Tensor, options: SamplingOptions, progress: (Int) -> Void,
    update: (inout Tensor, _ x0: Tensor, ReverseStep, _ next: Double) -> Void
) throws -> SamplingResult {
    try runReverseChain(process: process, initial: initial, options: options, progress: progress) { x, step in
        let x0 = model.denoised(x, time: step.time, alpha: step.alpha, sigma: step.sigma, clip: options.clip)
        guard let next = step.nextTime else {
            x = x0
            return
        }
        update(&x, x0, step, next)
    }
}
