import Diffusion
import Engine
import Foundation

/// The noise grid of Karras et al. 2022 (EDM, eq. 5) in the scaled variable x̃ = x/α with noise
/// σ̃ = σ/α: σ̃_i = (σ̃_max^{1/ρ} + i/(N−1)·(σ̃_min^{1/ρ} − σ̃_max^{1/ρ}))^ρ, i < N, then σ̃_N = 0;
/// ρ = 7. The ends are the process's own (σ̃ at its largest and smallest sampling time).
public func karrasSigmas(process: any NoiseProcess, steps: Int, rho: Double = 7) throws -> [Double] {
    guard steps >= 1 else { throw ProcessError.badSteps(steps) }
    let hi = process.scaledSigma(at: process.timeRange.upperBound)
    let lo = process.scaledSigma(at: process.timeRange.lowerBound)
    if steps == 1 { return [hi, 0] }
    let (a, b) = (pow(hi, 1 / rho), pow(lo, 1 / rho))
    var sigmas = (0..<steps).map { (i: Int) -> Double in pow(a + Double(i) / Double(steps - 1) * (b - a), rho) }
    sigmas.append(0)
    return sigmas
}

/// The denoiser D(x̃; σ̃) of the scaled variable for any process and model: x̂₀ at x = α(t)·x̃,
/// with t the process time whose σ/α is σ̃ (Karras et al. 2022, §2 and table 1).
struct ScaledDenoiser {
    let model: any DenoisingModel
    let process: any NoiseProcess
    let clip: Double?

    func callAsFunction(_ scaled: Tensor, sigma: Double) -> Tensor {
        let t = process.time(atScaledSigma: sigma)
        let (a, s) = process.marginal(at: t)
        var x = scaled
        for j in 0..<x.count { x.scalars[j] *= Float(a) }
        return model.denoised(x, time: t, alpha: a, sigma: s, clip: clip)
    }
}

/// The loop of σ-space samplers on the Karras grid: x̃ = x_T/α(T) at the start, `update` moves x̃
/// from σ̃_i to σ̃_{i+1} with the model's scaled denoiser; frames are kept in x = α·x̃ (the final
/// σ̃ = 0 frame is x̃ itself).
func runKarrasChain(
    model: any DenoisingModel, process: any NoiseProcess, initial: Tensor, options: SamplingOptions, rho: Double = 7, evaluations: (Int) -> Int,
    progress: (Int) -> Void, update: (inout Tensor, _ i: Int, _ sigmas: [Double], _ denoiser: ScaledDenoiser) -> Void
) throws -> SamplingResult {
    let denoiser = ScaledDenoiser(model: model, process: process, clip: options.clip)
    let sigmas = try karrasSigmas(process: process, steps: options.steps, rho: rho)
    let top = process.timeRange.upperBound
    var x = initial
    let a0 = Float(process.marginal(at: top).alpha)
    for j in 0..<x.count { x.scalars[j] /= a0 }
    var trajectory: [(step: Int, time: Double, x: Tensor)] = []
    func frame(_ step: Int, _ sigma: Double) {
        guard options.capture.contains(step) else { return }
        let t = sigma > 0 ? process.time(atScaledSigma: sigma) : -1
        let a = sigma > 0 ? Float(process.marginal(at: t).alpha) : 1
        var f = x
        for j in 0..<f.count { f.scalars[j] *= a }
        trajectory.append((step, t, f))
    }
    frame(0, sigmas[0])
    for i in 0..<(sigmas.count - 1) {
        update(&x, i, sigmas, denoiser)
        frame(i + 1, sigmas[i + 1])
        progress(i + 1)
    }
    return SamplingResult(samples: x, trajectory: trajectory, modelEvaluations: evaluations(options.steps))
}
