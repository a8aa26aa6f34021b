import Engine

/// A model of the reverse process as samplers see it: a prediction of kind `prediction` for a
/// batch x_t [batch, …] of any shape at one time of its process (a timestep index for DDPM, t for
/// an SDE). A condition (a class label, guidance) is part of the model, never of the sampler.
public protocol DenoisingModel {
    var prediction: Prediction { get }
    /// The raw prediction at x [batch, …], process time `time`; the same shape as x.
    func callAsFunction(_ x: Tensor, time: Double) -> Tensor
    /// Network evaluations one call costs (2 for classifier-free guidance); samplers count calls,
    /// runs report calls × this.
    var evaluationsPerCall: Int { get }
}

/// A model whose divergence ∇ₓ·output is exact and cheap per row — low-dimensional models (2-D
/// points) adopt it; the probability-flow likelihood needs it (Song et al. 2021, app. D.2).
public protocol DivergenceModel: DenoisingModel {
    /// The raw prediction and its divergence ∇ₓ·output per row.
    func outputAndDivergence(_ x: Tensor, time: Double) -> (output: Tensor, divergence: [Double])
}

extension DenoisingModel {
    /// One evaluation per call.
    public var evaluationsPerCall: Int { 1 }

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

    /// The score ∇ₓ log p_t(x) = −ε̂/σ.
    public func score(_ x: Tensor, time: Double, alpha: Double, sigma: Double) -> Tensor {
        scoreFromOutput(self(x, time: time), x: x, alpha: alpha, sigma: sigma)
    }

    /// −ε̂/σ with ε̂ = a·output + b·x (the prediction's ε in terms of its raw output).
    func scoreFromOutput(_ output: Tensor, x: Tensor, alpha: Double, sigma: Double) -> Tensor {
        let (a, b) = prediction.epsilonCoefficients(alpha: alpha, sigma: sigma)
        var s = output
        for j in 0..<s.count { s.scalars[j] = Float(-(a * Double(output.scalars[j]) + b * Double(x.scalars[j])) / sigma) }
        return s
    }
}

extension DivergenceModel {
    /// The score −ε̂/σ and its divergence −∇·ε̂/σ per row (d = the elements of one row).
    public func scoreAndDivergence(_ x: Tensor, time: Double, alpha: Double, sigma: Double) -> (score: Tensor, divergence: [Double]) {
        let (output, div) = outputAndDivergence(x, time: time)
        let (a, b) = prediction.epsilonCoefficients(alpha: alpha, sigma: sigma)
        let d = Double(x.count / max(x.shape.first ?? 1, 1))
        return (scoreFromOutput(output, x: x, alpha: alpha, sigma: sigma), div.map { -(a * $0 + b * d) / sigma })
    }
}
