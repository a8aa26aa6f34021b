import Diffusion
import Foundation
import Stats
import Testing

@Suite struct ProcessTests {
    /// q(x_t | x₀) in closed form against the iterated chain x_t = √α_t x_{t−1} + √β_t z.
    @Test func closedFormMarginalMatchesIteratedChain() throws {
        let p = try DiscreteDDPM(schedule: .linear, timesteps: 200)
        let rng = GSLRandom(seed: 5)
        let n = 20_000, x0 = 1.5
        var x = [Double](repeating: x0, count: n)
        for t in 0..<200 {
            let a = p.alphas[t].squareRoot(), b = p.betas[t].squareRoot()
            for i in 0..<n { x[i] = a * x[i] + b * rng.gaussian() }
            if [0, 9, 49, 120, 199].contains(t) {
                let s = Summary(x)
                let (alpha, sigma) = p.marginal(t)
                let mean = alpha * x0, variance = sigma * sigma
                #expect(abs(s.mean - mean) < 4 * (variance / Double(n)).squareRoot(), "mean at t = \(t)")
                #expect(abs(s.variance - variance) < 4 * variance * (2 / Double(n)).squareRoot(), "variance at t = \(t)")
            }
        }
    }

    /// The posterior q(x_{t−1} | x_t, x₀) against Bayes' rule for the Gaussian pair
    /// x_{t−1} ~ N(√ᾱ_{t−1} x₀, 1 − ᾱ_{t−1}), x_t | x_{t−1} ~ N(√α_t x_{t−1}, β_t).
    @Test func posteriorMatchesDirectGaussianComputation() throws {
        let p = try DiscreteDDPM(schedule: .cosine, timesteps: 100)
        let x0 = 0.7, xt = -1.3
        for t in 1..<100 {
            let priorVar = 1 - p.alphaBar[t - 1], priorMean = p.alphaBar[t - 1].squareRoot() * x0
            let precision = 1 / priorVar + p.alphas[t] / p.betas[t]
            let variance = 1 / precision
            let mean = variance * (priorMean / priorVar + p.alphas[t].squareRoot() * xt / p.betas[t])
            let (c0, ct, v) = p.posterior(t)
            #expect(abs(c0 * x0 + ct * xt - mean) < 1e-9 * max(1, abs(mean)), "mean at t = \(t)")
            #expect(abs(v - variance) < 1e-9 * max(1e-6, variance) + 1e-15, "variance at t = \(t)")
        }
    }

    @Test func posteriorAtTheFirstStepIsExactlyX0WithoutNaN() throws {
        let p = try DiscreteDDPM(schedule: .linear, timesteps: 1000)
        let (c0, ct, v) = p.posterior(0)
        #expect(c0 == 1 && ct == 0 && v == 0)
        #expect(c0.isFinite && ct.isFinite && v.isFinite)
    }

    @Test(arguments: Prediction.allCases)
    func predictionAdapterRoundTrips(_ kind: Prediction) {
        let alphaBar = 0.37
        let (a, s) = (Float(alphaBar.squareRoot()), Float((1 - alphaBar).squareRoot()))
        let x0: Float = 0.8, eps: Float = -1.1
        let x = a * x0 + s * eps
        let output: Float =
            switch kind {
            case .epsilon: eps
            case .x0: x0
            case .v: a * eps - s * x0
            case .score: -eps / s
            }
        #expect(abs(kind.epsilon(from: output, x: x, alpha: a, sigma: s) - eps) < 1e-5)
        #expect(abs(kind.x0(from: output, x: x, alpha: a, sigma: s) - x0) < 1e-5)
    }
}
