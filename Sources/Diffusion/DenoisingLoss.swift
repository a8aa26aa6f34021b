import Engine

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

/// The denoising training loss of Ho et al. 2020 (eq. 14, "L_simple") and its x₀/v/score variants:
/// x_t = α x₀ + σ ε, loss = mean_rows w·‖network(x_t, t) − target‖²/d, where the target is ε, x₀,
/// v = α ε − σ x₀ (Salimans & Ho 2022) or the score −ε/σ (denoising score matching, Vincent 2011).
/// - x0, noise: [batch, d]; `levels`: one entry per row.
public func denoisingLoss(
    tape: Tape, prediction: Prediction, x0: Tensor, noise: Tensor, levels: NoiseBatch, network: (Var, [Float]) -> Var
) -> Var {
    precondition(x0.shape == noise.shape, "denoisingLoss: x0 \(x0.shape) and noise \(noise.shape) differ")
    let (rows, d) = x0.matrixShape
    precondition(levels.alphas.count == rows, "denoisingLoss: \(levels.alphas.count) noise levels for \(rows) rows")
    var xt = x0.scalars, target = noise.scalars
    let weighted = levels.weights.contains { $0 != 1 }
    var rootWeights = [Float](repeating: 1, count: rows)
    for r in 0..<rows {
        let (alpha, sigma) = (Float(levels.alphas[r]), Float(levels.sigmas[r]))
        rootWeights[r] = Float(levels.weights[r].squareRoot())
        for j in 0..<d {
            let i = r * d + j
            let e = noise.scalars[i], x = x0.scalars[i]
            xt[i] = alpha * x + sigma * e
            target[i] = prediction.target(x0: x, epsilon: e, alpha: alpha, sigma: sigma) * (weighted ? rootWeights[r] : 1)
        }
    }
    var output = network(tape.constant(Tensor(shape: x0.shape, scalars: xt)), levels.networkTimes)
    if weighted { output = output * tape.constant(Tensor(shape: [rows, 1], scalars: rootWeights)) }
    return tape.meanSquaredError(output, tape.constant(Tensor(shape: x0.shape, scalars: target)))
}
