import Engine
import Foundation
import Stats

/// The exact denoiser of data from an isotropic Gaussian mixture Σ_k w_k N(μ_k, s_k² I) under any
/// `NoiseProcess`: x_t is again a mixture, with components N(α μ_k, v_k I), v_k = α² s_k² + σ², so
/// ∇ log p_t(x) = Σ_k r_k u_k with u_k = (α μ_k − x)/v_k and responsibilities
/// r_k ∝ w_k N(x; α μ_k, v_k I) (log-sum-exp); ε(x_t, t) = −σ·∇ log p_t(x_t), and the divergence
/// ∇·∇log p = Σ_k r_k(‖u_k‖² − d/v_k) − ‖∇log p‖². Samplers driven by it have no learning error
/// (Song & Ermon 2019 use such a mixture to study Langevin dynamics).
public struct GaussianMixtureModel: DivergenceModel, Sendable {
    public let process: any NoiseProcess
    public let mixture: GaussianMixture
    public var weights: [Double] { mixture.weights }
    public var means: [SIMD2<Double>] { mixture.means }
    public var standardDeviations: [Double] { mixture.standardDeviations }

    public init(process: any NoiseProcess, mixture: GaussianMixture) {
        self.process = process
        self.mixture = mixture
    }

    public init(process: any NoiseProcess, weights: [Double], means: [SIMD2<Double>], standardDeviations: [Double]) {
        self.init(process: process, mixture: GaussianMixture(weights: weights, means: means, standardDeviations: standardDeviations))
    }

    public var prediction: Prediction { .epsilon }

    /// ∇ₓ log p_t(x) at marginal scale α and noise σ, and its divergence.
    public func scoreAndDivergence(_ x: SIMD2<Double>, alpha: Double, sigma: Double) -> (score: SIMD2<Double>, divergence: Double) {
        var logs = [Double](repeating: 0, count: weights.count)
        var variances = logs
        for k in weights.indices {
            let v = alpha * alpha * standardDeviations[k] * standardDeviations[k] + sigma * sigma
            let d = x - alpha * means[k]
            variances[k] = v
            logs[k] = log(weights[k]) - log(2 * Double.pi * v) - (d * d).sum() / (2 * v)
        }
        let top = logs.max()!
        let r = logs.map { exp($0 - top) }
        let z = r.reduce(0, +)
        var s = SIMD2<Double>.zero
        var second = 0.0
        for k in weights.indices {
            let u = (alpha * means[k] - x) / variances[k]
            s += (r[k] / z) * u
            second += (r[k] / z) * ((u * u).sum() - 2 / variances[k])
        }
        return (s, second - (s * s).sum())
    }

    /// ∇ₓ log p_t(x) at marginal scale α and noise σ.
    public func score(_ x: SIMD2<Double>, alpha: Double, sigma: Double) -> SIMD2<Double> {
        scoreAndDivergence(x, alpha: alpha, sigma: sigma).score
    }

    /// log p_t(x) of the noised mixture.
    public func logDensity(_ x: SIMD2<Double>, alpha: Double, sigma: Double) -> Double {
        let logs = weights.indices.map { k in
            let v = alpha * alpha * standardDeviations[k] * standardDeviations[k] + sigma * sigma
            let d = x - alpha * means[k]
            return log(weights[k]) - log(2 * Double.pi * v) - (d * d).sum() / (2 * v)
        }
        let top = logs.max()!
        return top + log(logs.map { exp($0 - top) }.reduce(0, +))
    }

    public func callAsFunction(_ x: Tensor, time: Double) -> Tensor { outputAndDivergence(x, time: time).output }

    public func outputAndDivergence(_ x: Tensor, time: Double) -> (output: Tensor, divergence: [Double]) {
        let (alpha, sigma) = process.marginal(at: time)
        var out = x
        var divergence = [Double](repeating: 0, count: x.count / 2)
        for i in 0..<(x.count / 2) {
            let (s, div) = scoreAndDivergence(SIMD2(Double(x.scalars[2 * i]), Double(x.scalars[2 * i + 1])), alpha: alpha, sigma: sigma)
            out.scalars[2 * i] = Float(-sigma * s.x)
            out.scalars[2 * i + 1] = Float(-sigma * s.y)
            divergence[i] = -sigma * div
        }
        return (out, divergence)
    }
}
