import Engine
import Foundation

/// The exact denoiser of data from an isotropic Gaussian mixture Σ_k w_k N(μ_k, s_k² I) under the
/// DDPM process: x_t is again a mixture, with components N(α μ_k, v_k I), v_k = α² s_k² + σ², so
/// ∇ log p_t(x) = Σ_k r_k(x)·(α μ_k − x)/v_k with responsibilities r_k ∝ w_k N(x; α μ_k, v_k I)
/// (computed with log-sum-exp), and ε(x_t, t) = −σ·∇ log p_t(x_t). Samplers driven by it have no
/// learning error (Song & Ermon 2019 use such a mixture to study Langevin dynamics).
public struct GaussianMixtureModel: DenoisingModel {
    public let process: DiscreteDDPM
    public let weights: [Double]
    public let means: [SIMD2<Double>]
    public let standardDeviations: [Double]

    public init(process: DiscreteDDPM, weights: [Double], means: [SIMD2<Double>], standardDeviations: [Double]) {
        precondition(
            weights.count == means.count && means.count == standardDeviations.count && !weights.isEmpty,
            "GaussianMixtureModel: one weight, mean and standard deviation per component")
        self.process = process
        let total = weights.reduce(0, +)
        self.weights = weights.map { $0 / total }
        self.means = means
        self.standardDeviations = standardDeviations
    }

    public var prediction: Prediction { .epsilon }

    /// ∇ₓ log p_t(x) at marginal scale α and noise σ.
    public func score(_ x: SIMD2<Double>, alpha: Double, sigma: Double) -> SIMD2<Double> {
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
        for k in weights.indices { s += (r[k] / z) * (alpha * means[k] - x) / variances[k] }
        return s
    }

    public func callAsFunction(_ x: Tensor, time: Float) -> Tensor {
        let (alpha, sigma) = process.marginal(Int(time))
        var out = x
        for i in 0..<(x.count / 2) {
            let s = score(SIMD2(Double(x.scalars[2 * i]), Double(x.scalars[2 * i + 1])), alpha: alpha, sigma: sigma)
            out.scalars[2 * i] = Float(-sigma * s.x)
            out.scalars[2 * i + 1] = Float(-sigma * s.y)
        }
        return out
    }
}
