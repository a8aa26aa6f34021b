import NN
import Diffusion
import Engine

/// The denoising training loss of Ho et al. 2020 (eq. 14, "L_simple") and its x₀/v/score variants:
/// x_t = α x₀ + σ ε, loss = mean_rows w·‖network(x_t, t) − target‖²/d, where the target is ε, x₀,
/// v = α ε − σ x₀ (Salimans & Ho 2022) or the score −ε/σ (denoising score matching, Vincent 2011).
/// - x0, noise: [batch, …] of any shape; `levels`: one entry per row.
public func denoisingLoss(
    tape: Tape, prediction: Prediction, x0: Tensor, noise: Tensor, levels: NoiseBatch, network: (Var, [Float]) -> Var
) -> Var {
    precondition(x0.shape == noise.shape, "denoisingLoss: x0 \(x0.shape) and noise \(noise.shape) differ")
    let (rows, d) = x0.batchShape
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
    if weighted {
        let perRow = [rows] + [Int](repeating: 1, count: max(x0.rank - 1, 1))
        output = output * tape.constant(Tensor(shape: perRow, scalars: rootWeights))
    }
    return tape.meanSquaredError(output, tape.constant(Tensor(shape: x0.shape, scalars: target)))
}
