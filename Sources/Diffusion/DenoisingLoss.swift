import Engine

/// The denoising training loss of Ho et al. 2020 (eq. 14, "L_simple") and its x₀/v/score variants:
/// x_t = √ᾱ_t x₀ + √(1 − ᾱ_t) ε, loss = mean‖network(x_t, t) − target‖², where the target is ε,
/// x₀, v = √ᾱ ε − √(1 − ᾱ) x₀ (Salimans & Ho 2022) or the score −ε/√(1 − ᾱ).
/// - x0, noise: [batch, d]; timesteps: one per row.
public func denoisingLoss(
    tape: Tape, process: DiscreteDDPM, prediction: Prediction, x0: Tensor, timesteps: [Int],
    noise: Tensor, network: (Var, [Float]) -> Var
) -> Var {
    precondition(x0.shape == noise.shape, "denoisingLoss: x0 \(x0.shape) and noise \(noise.shape) differ")
    let (rows, d) = x0.matrixShape
    precondition(timesteps.count == rows, "denoisingLoss: \(timesteps.count) timesteps for \(rows) rows")
    var xt = x0.scalars, target = noise.scalars
    for r in 0..<rows {
        let (a, s) = process.marginal(timesteps[r])
        let (alpha, sigma) = (Float(a), Float(s))
        for j in 0..<d {
            let i = r * d + j
            let e = noise.scalars[i], x = x0.scalars[i]
            xt[i] = alpha * x + sigma * e
            switch prediction {
            case .epsilon: target[i] = e
            case .x0: target[i] = x
            case .v: target[i] = alpha * e - sigma * x
            case .score: target[i] = -e / sigma
            }
        }
    }
    let output = network(tape.constant(Tensor(shape: x0.shape, scalars: xt)), timesteps.map(Float.init))
    return tape.meanSquaredError(output, tape.constant(Tensor(shape: x0.shape, scalars: target)))
}
