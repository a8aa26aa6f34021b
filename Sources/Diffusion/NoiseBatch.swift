import Foundation

/// Where each row of a training batch sits on the process: α, σ, the network's time input and
/// the row's loss weight.
public struct NoiseBatch: Sendable {
    public var alphas: [Double]
    public var sigmas: [Double]
    public var networkTimes: [Float]
    public var weights: [Double]

    public init(alphas: [Double], sigmas: [Double], networkTimes: [Float], weights: [Double]) {
        self.alphas = alphas
        self.sigmas = sigmas
        self.networkTimes = networkTimes
        self.weights = weights
    }

    /// The batch at process times `times`: simple weighting is 1 per row (σ² for a score
    /// prediction); likelihood weighting is g(t)²/σ² in ε units (needs an SDE), divided by
    /// Z·q(t) when the times were drawn from the importance density q of `importance`.
    public init(
        process: some NoiseProcess, times: [Double], prediction: Prediction, weighting: LossWeighting = .simple,
        importance: LikelihoodImportance? = nil
    ) {
        var (alphas, sigmas, weights) = ([Double](), [Double](), [Double]())
        for t in times {
            let (a, s) = process.marginal(at: t)
            alphas.append(a)
            sigmas.append(s)
            switch weighting {
            case .simple:
                weights.append(prediction == .score ? s * s : 1)
            case .likelihood:
                let g = process.sde?.coefficients(t).diffusion ?? s
                let w = g * g / (s * s)
                // With t ~ q = w/Z the importance weight w/(Z·q) is 1.
                weights.append((importance == nil ? w : 1) * prediction.epsilonErrorScale(alpha: a, sigma: s))
            }
        }
        self.init(alphas: alphas, sigmas: sigmas, networkTimes: times.map(process.networkTime), weights: weights)
    }
}
