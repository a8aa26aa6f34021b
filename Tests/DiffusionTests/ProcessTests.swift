import Diffusion
import Engine
import Foundation
import Samplers
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
            let (ct, c0, v) = p.posterior(t)
            #expect(abs(c0 * x0 + ct * xt - mean) < 1e-9 * max(1, abs(mean)), "mean at t = \(t)")
            #expect(abs(v - variance) < 1e-9 * max(1e-6, variance) + 1e-15, "variance at t = \(t)")
        }
    }

    @Test func posteriorAtTheFirstStepIsExactlyX0WithoutNaN() throws {
        let p = try DiscreteDDPM(schedule: .linear, timesteps: 1000)
        let (ct, c0, v) = p.posterior(0)
        #expect(c0 == 1 && ct == 0 && v == 0)
        #expect(c0.isFinite && ct.isFinite && v.isFinite)
    }

    /// Round trips at a variance-preserving (α² + σ² = 1) and a variance-exploding (α = 1, σ = 5) level.
    @Test(arguments: Prediction.allCases, [(0.37.squareRoot(), 0.63.squareRoot()), (1.0, 5.0)])
    func predictionAdapterRoundTrips(_ kind: Prediction, _ level: (Double, Double)) {
        let (a, s) = (Float(level.0), Float(level.1))
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
        #expect(abs(kind.x0(from: output, x: x, alpha: a, sigma: s) - x0) < 1e-4)
        #expect(kind.target(x0: x0, epsilon: eps, alpha: a, sigma: s) == output)
        // ‖ε̂ − ε‖² = c·‖output − target‖² for a perturbed output.
        let c = kind.epsilonErrorScale(alpha: Double(a), sigma: Double(s))
        let moved = kind.epsilon(from: output + 0.01, x: x, alpha: a, sigma: s) - eps
        #expect(abs(Double(moved * moved) - c * 1e-4) < 1e-3 * c * 1e-4 + 1e-9)
    }

    /// DDPM as a NoiseProcess: integer times are its table; between them σ/α is log-linear and
    /// α² + σ² = 1 stays; σ/α increases, so time(atScaledSigma:) inverts it.
    @Test func discreteProcessInterpolatesAndInverts() throws {
        let p = try DiscreteDDPM(schedule: .linear, timesteps: 200)
        for t in [0, 17, 199] { #expect(p.marginal(at: Double(t)) == p.marginal(t)) }
        let (a, s) = p.marginal(at: 17.5)
        #expect(abs(a * a + s * s - 1) < 1e-12)
        let r0 = p.scaledSigma(at: 17), r1 = p.scaledSigma(at: 18)
        #expect(abs(log(s / a) - 0.5 * (log(r0) + log(r1))) < 1e-12)
        for t in [0.0, 3.25, 100.0, 198.9] { #expect(abs(p.time(atScaledSigma: p.scaledSigma(at: t)) - t) < 1e-9) }
        #expect(try p.samplingTimes(steps: 5) == [199, 149, 100, 50, 0])
        #expect(throws: ProcessError.self) { try p.samplingTimes(steps: 201) }
    }

    /// Continuous processes: the sampling grid runs from 1 to ε, training times stay in [ε, 1],
    /// σ/α inverts for VP, VE and sub-VP, and the network sees 1000·t.
    @Test func continuousProcessGridsAndInversion() throws {
        for sde in [VPSDE(), VESDE(sigmaMin: 0.01, sigmaMax: 12), SubVPSDE()] as [any ForwardSDE] {
            let p = ContinuousProcess(sde)
            let grid = try p.samplingTimes(steps: 11)
            #expect(grid.first == 1 && abs(grid.last! - 1e-3) < 1e-15 && grid.count == 11)
            #expect(p.trainingTime(uniform: 0) == 1e-5 && p.trainingTime(uniform: 0.999_999) <= 1)
            for t in [0.002, 0.3, 0.97] { #expect(abs(p.time(atScaledSigma: p.scaledSigma(at: t)) - t) < 1e-9) }
            #expect(p.networkTime(0.25) == 250)
        }
    }

    /// NCSN levels are geometric from σ_min to σ_max; annealed Langevin visits them largest first.
    @Test func noiseLevelsAreGeometric() {
        let levels = NoiseLevels(sigmaMin: 0.01, sigmaMax: 10, levels: 4)
        let sigmas = levels.sigmasDescending
        #expect(sigmas.count == 4 && abs(sigmas[0] - 10) < 1e-12 && abs(sigmas[3] - 0.01) < 1e-15)
        for i in 0..<3 { #expect(abs(sigmas[i] / sigmas[i + 1] - 10) < 1e-9) }
    }

    /// Loss weights: ε-MSE is 1 per row, the score target is σ²-weighted (denoising score
    /// matching), and likelihood weighting is g²/σ² in ε units (Song et al. 2021b) — checked against
    /// the VP SDE's closed forms written out here (β(t) = 0.1 + 19.9t, σ(t)² = 1 − e^{−(0.1t + 9.95t²)},
    /// Song et al. 2021, app. B), not against the implementation's own coefficients.
    @Test func lossWeightsFollowTheObjective() throws {
        let p = ContinuousProcess(VPSDE())
        let times = [0.01, 0.5, 1.0]
        func sigma2(_ t: Double) -> Double { 1 - exp(-(0.1 * t + 9.95 * t * t)) }
        #expect(NoiseBatch(process: p, times: times, prediction: .epsilon).weights == [1, 1, 1])
        let score = NoiseBatch(process: p, times: times, prediction: .score)
        for (i, t) in times.enumerated() { #expect(abs(score.weights[i] - sigma2(t)) < 1e-9, "t = \(t)") }
        let likelihood = NoiseBatch(process: p, times: times, prediction: .epsilon, weighting: .likelihood)
        for (i, t) in times.enumerated() {
            let expected = (0.1 + 19.9 * t) / sigma2(t)
            #expect(abs(likelihood.weights[i] - expected) < 1e-9 * expected, "t = \(t): \(likelihood.weights[i]) vs \(expected)")
        }
    }

    /// Likelihood weighting's importance sampler draws t with density g²/σ²/Z: the share of draws
    /// below a few times matches that density's integral (midpoint rule in log t, 200,000 cells),
    /// and a batch drawn from it weighs every row 1.
    @Test func likelihoodImportanceSamplesItsDensity() {
        let process = ContinuousProcess(VPSDE())
        let sampler = LikelihoodImportance(process: process)
        func w(_ t: Double) -> Double {
            let g = VPSDE().coefficients(t).diffusion, s = process.marginal(at: t).sigma
            return g * g / (s * s)
        }
        func integral(_ a: Double, _ b: Double) -> Double {
            let n = 200_000
            let (la, lb) = (log(a), log(b))
            return (0..<n).map { i -> Double in
                let t = exp(la + (Double(i) + 0.5) * (lb - la) / Double(n))
                return w(t) * t * (lb - la) / Double(n)
            }.reduce(0, +)
        }
        let z = integral(1e-5, 1)
        #expect(abs(sampler.normalizer - z) < 1e-4 * z)
        let rng = GSLRandom(seed: 8)
        let draws = (0..<100_000).map { _ in sampler.time(uniform: rng.uniform()) }
        #expect(draws.allSatisfy { $0 >= 1e-5 && $0 <= 1 })
        for edge in [1e-4, 1e-2, 0.3] {
            let expected = integral(1e-5, edge) / z
            let share = Double(draws.filter { $0 < edge }.count) / 1e5
            #expect(
                abs(share - expected) < 4 * (expected * (1 - expected) / 1e5).squareRoot() + 1e-3, "P(t < \(edge)) = \(share), expected \(expected)")
        }
        let batch = NoiseBatch(process: process, times: Array(draws.prefix(10)), prediction: .epsilon, weighting: .likelihood, importance: sampler)
        #expect(batch.weights == [Double](repeating: 1, count: 10))
    }
}
