import Diffusion
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
    /// is affine: x_t = α_t μ + √(v_t/v_1)(x_1 − α_1 μ). GSL's solution must match it.
    @Test(arguments: [ODEMethod.rk8pd, .rkf45])
    func probabilityFlowMatchesTheClosedFormForGaussianData(_ method: ODEMethod) throws {
        let sde = VPSDE(), (mu, s) = (SIMD2(1.5, -0.5), 0.4)
        func v(_ t: Double) -> Double { let (a, sg) = sde.marginal(t); return a * a * s * s + sg * sg }
        let rng = GSLRandom(seed: 1)
        let initial = (0..<50).map { _ in SIMD2(rng.gaussian(), rng.gaussian()) }
        let ode = ProbabilityFlowODE(method: method, tolerance: 1e-10, endTime: 1e-3)
        let (points, nfe) = try ode.sample(initial, sde: sde) { x, t in -(x - sde.marginal(t).alpha * mu) / v(t) }
        let (a0, a1) = (sde.marginal(1e-3).alpha, sde.marginal(1).alpha)
        for (x1, x0) in zip(initial, points) {
            let exact = a0 * mu + (v(1e-3) / v(1)).squareRoot() * (x1 - a1 * mu)
            #expect(abs(x0.x - exact.x) < 1e-6 && abs(x0.y - exact.y) < 1e-6, "\(method): \(x0) vs \(exact)")
        }
        #expect(nfe > 10)
    }

    /// Euler–Maruyama on the reverse VP SDE with the exact score of N(μ, s²) reproduces the
    /// marginal at t = ε within a few standard errors at 1000 steps; at 5 steps its bias shows.
    @Test func reverseEulerMaruyamaReproducesTheMarginal() {
        let sde = VPSDE(), (mu, s) = (2.0, 0.5)
        func v(_ t: Double) -> Double { let (a, sg) = sde.marginal(t); return a * a * s * s + sg * sg }
        let n = 20_000
        func moments(_ steps: Int) -> Summary {
            let rng = GSLRandom(seed: 2)
            let start = (0..<n).map { _ in SIMD2(rng.gaussian(), rng.gaussian()) }
            let out = ReverseEulerMaruyama(steps: steps).sample(start, sde: sde, rng: rng) { x, t in
                -(x - sde.marginal(t).alpha * SIMD2(mu, mu)) / v(t)
            }
            return Summary(out.flatMap { [$0.x, $0.y] })
        }
        let (mean, variance) = (sde.marginal(1e-3).alpha * mu, v(1e-3))
        let (seMean, seVariance) = ((variance / Double(2 * n)).squareRoot(), variance * (2 / Double(2 * n)).squareRoot())
        let fine = moments(1000)
        #expect(abs(fine.mean - mean) < 4 * seMean, "mean \(fine.mean) vs \(mean)")
        #expect(abs(fine.variance - variance) < 4 * seVariance, "variance \(fine.variance) vs \(variance)")
        let coarse = moments(5)
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
    /// ODE likelihood must match log p_ε to the solver's tolerance, and with the default N(0, I)
    /// prior it is off by the prior mismatch only (α_1 ≈ 0.0066: a few thousandths of a nat here).
    @Test func odeLikelihoodMatchesTheGaussianLogDensity() throws {
        let sde = VPSDE(), (mu, s) = (SIMD2(0.5, -1.0), 0.7)
        func v(_ t: Double) -> Double { let (a, sg) = sde.marginal(t); return a * a * s * s + sg * sg }
        let ode = ProbabilityFlowODE(method: .rk8pd, tolerance: 1e-9, endTime: 1e-3)
        for x in [SIMD2(0.5, -1.0), SIMD2(2.0, 0.3), SIMD2(-1.0, -2.5)] {
            func logNormal(_ p: SIMD2<Double>, _ t: Double) -> Double {
                let d = p - sde.marginal(t).alpha * mu
                return -log(2 * Double.pi * v(t)) - (d * d).sum() / (2 * v(t))
            }
            let score: ScoreFunction = { p, t in -(p - sde.marginal(t).alpha * mu) / v(t) }
            let (logp, nfe) = try ode.logLikelihood(
                x, sde: sde, score: score, divergence: { _, t in -2 / v(t) },
                priorLogDensity: { logNormal($0, 1) })
            #expect(abs(logp - logNormal(x, 1e-3)) < 1e-6, "log p(\(x)) = \(logp), exact \(logNormal(x, 1e-3))")
            #expect(nfe > 0)
            let (approximate, _) = try ode.logLikelihood(x, sde: sde, score: score, divergence: { _, t in -2 / v(t) })
            #expect(abs(approximate - logNormal(x, 1e-3)) < 0.02)
        }
    }
}
