import Engine

/// A model of the reverse process as samplers see it: a prediction of kind `prediction` for a
/// batch x_t [batch, d] at one time of its process (a timestep index for DDPM, t for an SDE).
public protocol DenoisingModel {
    var prediction: Prediction { get }
    /// The raw prediction at x [batch, d], process time `time`.
    func callAsFunction(_ x: Tensor, time: Double) -> Tensor
    /// The raw prediction and its divergence ∇ₓ·output per row (exact; needed for likelihoods).
    func outputAndDivergence(_ x: Tensor, time: Double) -> (output: Tensor, divergence: [Double])
}

extension DenoisingModel {
    /// ε̂ at x for a process at (α, σ).
    public func epsilon(_ x: Tensor, time: Double, alpha: Double, sigma: Double) -> Tensor {
        let output = self(x, time: time)
        if prediction == .epsilon { return output }
        var eps = output
        let (a, s) = (Float(alpha), Float(sigma))
        for j in 0..<eps.count { eps.scalars[j] = prediction.epsilon(from: output.scalars[j], x: x.scalars[j], alpha: a, sigma: s) }
        return eps
    }

    /// x̂₀ at x for a process at (α, σ), clipped to [−clip, clip] when asked.
    public func denoised(_ x: Tensor, time: Double, alpha: Double, sigma: Double, clip: Double? = nil) -> Tensor {
        let output = self(x, time: time)
        let (a, s) = (Float(alpha), Float(sigma))
        let c = clip.map(Float.init)
        var x0 = output
        for j in 0..<x0.count {
            var v = prediction.x0(from: output.scalars[j], x: x.scalars[j], alpha: a, sigma: s)
            if let c { v = min(max(v, -c), c) }
            x0.scalars[j] = v
        }
        return x0
    }

    /// The score ∇ₓ log p_t(x) = −ε̂/σ and, when `divergence`, its divergence −∇·ε̂/σ per row.
    public func score(_ x: Tensor, time: Double, alpha: Double, sigma: Double, divergence: Bool = false)
        -> (score: Tensor, divergence: [Double])
    {
        let (output, div) = divergence ? outputAndDivergence(x, time: time) : (self(x, time: time), [])
        let (a, b) = prediction.epsilonCoefficients(alpha: alpha, sigma: sigma)
        var s = output
        for j in 0..<s.count { s.scalars[j] = Float(-(a * Double(output.scalars[j]) + b * Double(x.scalars[j])) / sigma) }
        let d = Double(x.shape.last ?? 1)
        return (s, div.map { -(a * $0 + b * d) / sigma })
    }
}
