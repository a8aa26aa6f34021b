import Foundation
import Engine
import Stats

/// The Langevin corrector of predictor–corrector sampling (Song et al. 2021, alg. 5): at a fixed
/// time, x ← x + a·s(x) + √(2a)·z with the step a = 2·α·(r·‖z‖/‖s‖)² set by the signal-to-noise
/// ratio r (norms averaged over samples; α = α_{t|s}², 1 − β for VP and 1 for VE). Each step is
/// a Langevin move that leaves p_t invariant up to its discretization.
public struct LangevinCorrector: Sendable {
    public var snr: Double
    public var steps: Int

    public init(snr: Double, steps: Int) {
        self.snr = snr
        self.steps = steps
    }

    /// `steps` corrector moves of x [batch, …] with the score `score` at the current time.
    public func correct(_ x: inout Tensor, alphaStep: Double = 1, rng: some RandomSource, score: (Tensor) -> Tensor) {
        let d = x.batchShape.perSample  // one sample: a point or a whole image
        for _ in 0..<steps {
            let s = score(x)
            let w = rng.gaussians(x.count)
            let (gradNorm, noiseNorm) = (meanRowNorm(s.scalars, d), meanRowNorm(w, d))
            let a = 2 * alphaStep * alphaStep * pow(snr * noiseNorm / max(gradNorm, 1e-30), 2)
            let (fa, fn) = (Float(a), Float((2 * a).squareRoot()))
            for j in 0..<x.count { x.scalars[j] += fa * s.scalars[j] + fn * w[j] }
        }
    }
}

/// The mean over samples of the Euclidean norm of each d-element sample.
func meanRowNorm(_ v: [Float], _ d: Int) -> Double {
    let rows = v.count / d
    var total = 0.0
    for r in 0..<rows {
        var s = 0.0
        for j in 0..<d { s += Double(v[r * d + j]) * Double(v[r * d + j]) }
        total += s.squareRoot()
    }
    return total / Double(max(rows, 1))
}
