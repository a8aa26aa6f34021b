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

    /// The two noise levels of the step (transition and posterior).
    public var levels: NoiseLevelStep { NoiseLevelStep(alpha: alpha, sigma: sigma, alphaNext: alphaNext, sigmaNext: sigmaNext) }
    public var transition: (alpha: Double, variance: Double) { levels.transition }
    public var posterior: (coefXt: Double, coefX0: Double, variance: Double) { levels.posterior }
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
