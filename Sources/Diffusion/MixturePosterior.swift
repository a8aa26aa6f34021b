import Engine
import Foundation
import Stats

/// The exact class posterior of noised data from a Gaussian mixture whose components are the
/// classes: p(k | x_t) = r_k, the responsibility of component k under the noised mixture
/// (components N(α μ_k, v_k I), v_k = α² s_k² + σ²), with ∇ₓ log r_k = u_k − Σ_j r_j u_j,
/// u_j = (α μ_j − x)/v_j — the component's score minus the mixture's. Classifier guidance with it
/// at scale s gives the score (1 − s)·∇log p_t + s·∇log p_t(· | k): s = 1 samples component k.
public struct MixturePosterior: NoisyClassifier, Sendable {
    public let mixture: GaussianMixture
    public let process: any NoiseProcess

    public init(mixture: GaussianMixture, process: any NoiseProcess) { (self.mixture, self.process) = (mixture, process) }

    public var classes: Int { mixture.weights.count }

    /// log r_k(x) and ∇ₓ log r_k(x) for one point at marginal (α, σ).
    public func logPosterior(_ x: SIMD2<Double>, label k: Int, alpha: Double, sigma: Double) -> (Double, SIMD2<Double>) {
        let count = mixture.weights.count
        var logs = [Double](repeating: 0, count: count)
        var u = [SIMD2<Double>](repeating: .zero, count: count)
        for j in 0..<count {
            let s = mixture.standardDeviations[j]
            let v = alpha * alpha * s * s + sigma * sigma
            let d = x - alpha * mixture.means[j]
            logs[j] = log(mixture.weights[j]) - log(2 * Double.pi * v) - (d * d).sum() / (2 * v)
            u[j] = -d / v
        }
        let top = logs.max()!
        let z = logs.reduce(0.0) { $0 + exp($1 - top) }
        var mean = SIMD2<Double>.zero
        for j in 0..<count { mean += exp(logs[j] - top) / z * u[j] }
        return (logs[k] - top - log(z), u[k] - mean)
    }

    public func logPosterior(_ x: Tensor, time: Double, labels: [Int]) -> (logProbability: [Double], gradient: Tensor) {
        let (alpha, sigma) = process.marginal(at: time)
        let rows = x.count / 2
        var gradient = x
        var logp = [Double](repeating: 0, count: rows)
        for i in 0..<rows {
            let label = labels.count == 1 ? labels[0] : labels[i]
            let (l, g) = logPosterior(SIMD2(Double(x.scalars[2 * i]), Double(x.scalars[2 * i + 1])), label: label, alpha: alpha, sigma: sigma)
            logp[i] = l
            gradient.scalars[2 * i] = Float(g.x)
            gradient.scalars[2 * i + 1] = Float(g.y)
        }
        return (logp, gradient)
    }
}
