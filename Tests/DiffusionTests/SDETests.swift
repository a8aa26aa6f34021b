import Datasets
import Diffusion
import Engine
import Foundation
import Samplers
import Stats
import Testing

@Suite struct SDETests {
    static let sdes: [(String, any ForwardSDE)] = [("vp", VPSDE()), ("ve", VESDE(sigmaMin: 0.01, sigmaMax: 10)), ("subvp", SubVPSDE())]

    /// Each closed-form marginal against the SDE's moment equations integrated numerically:
    /// dm/dt = f(t)·m (m(0) = 1 gives α) and dv/dt = 2f(t)·v + g(t)² (v(0) = σ(0)² gives σ²).
    @Test(arguments: [0, 1, 2])
    func marginalsSolveTheMomentEquations(_ which: Int) throws {
        let (name, sde) = Self.sdes[which]
        for t1 in [0.1, 0.5, 1.0] {
            var y = [1.0, pow(sde.marginal(0).sigma, 2)]
            _ = try integrateODE(&y, from: 0, to: t1, epsAbs: 1e-12, epsRel: 1e-12) { t, y, d in
                let (f, g) = sde.coefficients(t)
                d[0] = f * y[0]
                d[1] = 2 * f * y[1] + g * g
            }
            let (a, s) = sde.marginal(t1)
            #expect(abs(y[0] - a) < 1e-8 * max(1, a), "\(name) α(\(t1))")
            #expect(abs(y[1] - s * s) < 1e-7 * max(1, s * s), "\(name) σ²(\(t1)): \(y[1]) vs \(s * s)")
        }
    }

    /// For data N(μ, s²I) the score is −(x − αμ)/v with v = α²s² + σ², and the probability flow
    /// is affine: x_t = α_t μ + √(v_t/v_1)(x_1 − α_1 μ). GSL's solution must match it (the model
    /// is evaluated in Float, so to 1e-5).
    @Test(arguments: [ODEMethod.rk8pd, .rkf45])
    func probabilityFlowMatchesTheClosedFormForGaussianData(_ method: ODEMethod) throws {
        let sde = VPSDE(), (mu, s) = (SIMD2(1.5, -0.5), 0.4)
        let process = ContinuousProcess(sde)
        let model = GaussianMixtureModel(process: process, weights: [1], means: [mu], standardDeviations: [s])
        func v(_ t: Double) -> Double { let (a, sg) = sde.marginal(t); return a * a * s * s + sg * sg }
        let initial = Tensor(shape: [50, 2], scalars: GSLRandom(seed: 1).gaussians(100))
        let r = try ProbabilityFlowODE(method: method, tolerance: 1e-9, denoise: false).sample(
            model: model, process: process, initial: initial,
            options: SamplingOptions(steps: 1), rng: GSLRandom(seed: 2)
        ) { _ in }
        let (a0, a1) = (sde.marginal(1e-3).alpha, sde.marginal(1).alpha)
        for i in 0..<50 {
            let x1 = SIMD2(Double(initial.scalars[2 * i]), Double(initial.scalars[2 * i + 1]))
            let exact = a0 * mu + (v(1e-3) / v(1)).squareRoot() * (x1 - a1 * mu)
            let got = SIMD2(Double(r.samples.scalars[2 * i]), Double(r.samples.scalars[2 * i + 1]))
            #expect(abs(got.x - exact.x) < 1e-5 && abs(got.y - exact.y) < 1e-5, "\(method): \(got) vs \(exact)")
        }
        #expect(r.modelEvaluations > 10)
    }

    /// Euler–Maruyama on the reverse VP SDE with the exact score of N(μ, s²) reproduces the
    /// marginal at t = ε within a few standard errors at 1000 steps; at 5 steps its bias shows.
    @Test func reverseEulerMaruyamaReproducesTheMarginal() throws {
        let sde = VPSDE(), (mu, s) = (2.0, 0.5)
        let process = ContinuousProcess(sde)
        let model = GaussianMixtureModel(process: process, weights: [1], means: [SIMD2(mu, mu)], standardDeviations: [s])
        func v(_ t: Double) -> Double { let (a, sg) = sde.marginal(t); return a * a * s * s + sg * sg }
        let n = 20_000
        func moments(_ steps: Int) throws -> Summary {
            let start = Tensor(shape: [n, 2], scalars: GSLRandom(seed: 2).gaussians(2 * n))
            let r = try ReverseSDE(denoise: false).sample(
                model: model, process: process, initial: start, options: SamplingOptions(steps: steps),
                rng: GSLRandom(seed: 3)
            ) { _ in }
            return Summary(r.samples.scalars.map(Double.init))
        }
        let (mean, variance) = (sde.marginal(1e-3).alpha * mu, v(1e-3))
        let (seMean, seVariance) = ((variance / Double(2 * n)).squareRoot(), variance * (2 / Double(2 * n)).squareRoot())
        let fine = try moments(1000)
        #expect(abs(fine.mean - mean) < 4 * seMean, "mean \(fine.mean) vs \(mean)")
        #expect(abs(fine.variance - variance) < 4 * seVariance, "variance \(fine.variance) vs \(variance)")
        let coarse = try moments(5)
        #expect(abs(coarse.variance - variance) > 4 * seVariance || abs(coarse.mean - mean) > 4 * seMean, "5 steps showed no bias")
    }

    @Test func aFailingSolveThrowsWithTimeAndMethod() {
        var y = [1.0]
        do {
            _ = try integrateODE(&y, from: 0, to: 2, method: .rkf45) { _, y, d in d[0] = y[0] * y[0] }  // blows up at t = 1
            Issue.record("integrating through a singularity succeeded")
        } catch let e as ODEError {
            #expect(e.description.contains("rkf45") && e.time < 1.01)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

@Suite struct LikelihoodTests {
    /// For data N(μ, s²I) under VP, p_t = N(α_t μ, v_t I) exactly; with the exact p_1 as the prior the
    /// ODE likelihood (exact divergence) must match log p_ε to the solver's tolerance, and with the
    /// default N(0, I) prior it is off by the prior mismatch only (α_1 ≈ 0.0066).
    @Test func odeLikelihoodMatchesTheGaussianLogDensity() throws {
        let sde = VPSDE(), (mu, s) = (SIMD2(0.5, -1.0), 0.7)
        let process = ContinuousProcess(sde)
        let model = GaussianMixtureModel(process: process, weights: [1], means: [mu], standardDeviations: [s])
        func v(_ t: Double) -> Double { let (a, sg) = sde.marginal(t); return a * a * s * s + sg * sg }
        func logNormal(_ p: SIMD2<Double>, _ t: Double) -> Double {
            let d = p - sde.marginal(t).alpha * mu
            return -log(2 * Double.pi * v(t)) - (d * d).sum() / (2 * v(t))
        }
        let points = [SIMD2(0.5, -1.0), SIMD2(2.0, 0.3), SIMD2(-1.0, -2.5)]
        let x = Tensor(shape: [3, 2], scalars: points.flatMap { [Float($0.x), Float($0.y)] })
        let solver = ODELikelihood(method: .rk8pd, tolerance: 1e-9)
        let (logp, nfe) = try solver.logLikelihood(x, model: model, process: process) { logNormal(SIMD2($0.first!, $0.last!), 1) }
        let (approximate, _) = try solver.logLikelihood(x, model: model, process: process)
        for (i, p) in points.enumerated() {
            let q = SIMD2(Double(Float(p.x)), Double(Float(p.y)))
            #expect(abs(logp[i] - logNormal(q, 1e-3)) < 1e-5, "log p(\(p)) = \(logp[i]), exact \(logNormal(q, 1e-3))")
            #expect(abs(approximate[i] - logNormal(q, 1e-3)) < 0.02)
        }
        #expect(nfe > 0)
    }

    /// For a Gaussian mixture (8gaussians) the noised density is closed-form too: the ODE
    /// likelihood of each point matches log p_ε(x) of the mixture, and the mean NLL of 4,000
    /// fresh points estimates the entropy 2.832 nats within a few standard errors.
    @Test func odeLikelihoodMatchesTheMixtureDensityAndItsEntropy() throws {
        let process = ContinuousProcess(VPSDE(), samplingEpsilon: 1e-5)
        let sd = 0.5 / EightGaussians.scale
        let model = GaussianMixtureModel(
            process: process, weights: [Double](repeating: 1, count: 8), means: EightGaussians.centers,
            standardDeviations: [Double](repeating: sd, count: 8))
        let n = 4000
        let points = EightGaussians().sample(n, noise: 0.5, rng: GSLRandom(seed: 5))
        let x = Tensor(shape: [n, 2], scalars: points.flatMap { [Float($0.x), Float($0.y)] })
        let (logp, _) = try ODELikelihood(method: .rk8pd, tolerance: 1e-7).logLikelihood(x, model: model, process: process)
        let (a, s) = process.marginal(at: 1e-5)
        var worst = 0.0
        for i in 0..<n {
            let q = SIMD2(Double(x.scalars[2 * i]), Double(x.scalars[2 * i + 1]))
            worst = max(worst, abs(logp[i] - model.logDensity(q, alpha: a, sigma: s)))
        }
        // The VP prior N(0, I) differs from p_1 by α_1 ≈ 0.0066 times the data: a few 1e-4 nats.
        #expect(worst < 2e-3, "largest |log p − exact| = \(worst)")
        let nll = Summary(logp.map { -$0 })
        let se = nll.standardDeviation / Double(n).squareRoot()
        #expect(abs(nll.mean - ToyDataset.eightGaussians.entropy!) < 4 * se + 0.005, "mean NLL \(nll.mean) ± \(se)")
    }
}
