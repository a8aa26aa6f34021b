import Datasets
import Diffusion
import Engine
import Foundation
import Samplers
import Stats
import Testing

/// Deterministic samplers against the closed-form probability-flow map of Gaussian data
/// N(μ, s²I): in the scaled variable x̃ = x/α with noise σ̃ = σ/α the flow is
/// x̃(σ̃) − μ ∝ √(s² + σ̃²), so from σ̃_T to clean data x₀ = μ + (x̃_T − μ)·s/√(s² + σ̃_T²)
/// (Karras et al. 2022, eq. 4 with the exact denoiser). When the steps double, the error must fall
/// by 2^p for the sampler's order p: 1 for DDIM (η = 0) and Euler, 2 for Heun and DPM-Solver++(2M).
@Suite struct SamplerOrderTests {
    static let process = ContinuousProcess(VPSDE())
    static let (mu, s) = (SIMD2(1.0, -0.5), 0.5)
    static let model = GaussianMixtureModel(process: process, weights: [1], means: [mu], standardDeviations: [s])
    static let initial = Tensor(shape: [64, 2], scalars: GSLRandom(seed: 4).gaussians(128))

    static func error(_ kind: SamplerKind, steps: Int) throws -> Double {
        let r = try kind.sampler.sample(
            model: model, process: process, initial: initial, options: SamplingOptions(steps: steps), rng: GSLRandom(seed: 1)
        ) { _ in }
        let top = process.timeRange.upperBound
        let (a, sg) = process.marginal(at: top)
        let scaledSigma = sg / a
        var worst = 0.0
        for i in 0..<64 {
            for j in 0..<2 {
                let m = j == 0 ? mu.x : mu.y
                let exact = m + (Double(initial.scalars[2 * i + j]) / a - m) * s / (s * s + scaledSigma * scaledSigma).squareRoot()
                worst = max(worst, abs(Double(r.samples.scalars[2 * i + j]) - exact))
            }
        }
        return worst
    }

    @Test(arguments: [(SamplerKind.ddim, 1.0), (.euler, 1.0), (.heun, 2.0), (.dpmSolver2M, 2.0)])
    func convergesAtItsOrder(_ kind: SamplerKind, _ order: Double) throws {
        let errors = try [16, 32, 64].map { try Self.error(kind, steps: $0) }
        let observed = zip(errors, errors.dropFirst()).map { log2($0 / $1) }
        for p in observed { #expect(abs(p - order) < 0.35, "\(kind.rawValue): errors \(errors), observed orders \(observed)") }
        #expect(errors[2] < errors[0], "\(kind.rawValue): \(errors)")
    }

    /// The adaptive ODE solver's error falls with its tolerance and reaches the Float floor.
    @Test func odeErrorFollowsTheTolerance() throws {
        func endError(_ tolerance: Double) throws -> (Double, Int) {
            let r = try ProbabilityFlowODE(tolerance: tolerance, denoise: false).sample(
                model: Self.model, process: Self.process, initial: Self.initial,
                options: SamplingOptions(steps: 1), rng: GSLRandom(seed: 1)
            ) { _ in }
            let sde = VPSDE()
            let (a0, a1) = (sde.marginal(1e-3).alpha, sde.marginal(1).alpha)
            func v(_ t: Double) -> Double { let (a, sg) = sde.marginal(t); return a * a * Self.s * Self.s + sg * sg }
            var worst = 0.0
            for i in 0..<128 {
                let m = i % 2 == 0 ? Self.mu.x : Self.mu.y
                let exact = a0 * m + (v(1e-3) / v(1)).squareRoot() * (Double(Self.initial.scalars[i]) - a1 * m)
                worst = max(worst, abs(Double(r.samples.scalars[i]) - exact))
            }
            return (worst, r.modelEvaluations)
        }
        let (loose, nfeLoose) = try endError(1e-3), (tight, nfeTight) = try endError(1e-7)
        #expect(tight < loose && tight < 1e-4, "errors \(loose) at 1e-3, \(tight) at 1e-7")
        #expect(nfeTight > nfeLoose)
    }
}

/// Every sampler on the exact score of Song & Ermon's mixture 0.8·N((5,5), I) + 0.2·N((−5,−5), I)
/// under every process it fits — the VP, VE (σ_max = 20) and sub-VP SDEs, and the discrete DDPM
/// chain (where the σ-space samplers interpolate between integer steps): the upper mode's weight,
/// mean and variance within 4 standard errors at 40,000 samples (the variance to ±3%), starting
/// from the exact p_T.
@Suite struct SamplersOnAMixtureTests {
    static let processes: [String: any NoiseProcess] = [
        "vp": ContinuousProcess(VPSDE()), "ve": ContinuousProcess(VESDE(sigmaMin: 0.01, sigmaMax: 20)), "subvp": ContinuousProcess(SubVPSDE()),
        "ddpm": try! DiscreteDDPM(schedule: .linear, timesteps: 1000),
    ]

    static let cases: [(String, SamplerKind)] =
        [SamplerKind.ddpm, .ddim, .ddimEta1, .euler, .heun, .dpmSolver2M, .reverseSDE, .pc, .ode].map { ("vp", $0) }
        + [SamplerKind.euler, .heun, .dpmSolver2M, .reverseSDE, .pc, .ode].flatMap { [("ve", $0), ("subvp", $0)] }
        + [SamplerKind.ddpm, .ddim, .euler, .heun, .dpmSolver2M].map { ("ddpm", $0) }

    @Test(arguments: cases)
    func recoversTheMixture(_ processName: String, _ kind: SamplerKind) throws {
        let process = Self.processes[processName]!
        let model = GaussianMixtureModel(process: process, weights: [0.8, 0.2], means: [SIMD2(5, 5), SIMD2(-5, -5)], standardDeviations: [1, 1])
        let n = 40_000
        // Start from the true noised marginal p_T (not the prior N(0, s²), which VE with σ_max = 20
        // does not reach: the mixture's mean 3 per coordinate would shift the mode weights), so
        // only the samplers are under test.
        let rng = GSLRandom(seed: 1)
        let (aT, sT) = process.marginal(at: process.timeRange.upperBound)
        let x0 = model.mixture.sample(n, noise: 1, rng: rng)
        let initial = Tensor(shape: [n, 2], scalars: x0.flatMap { p in [Float(aT * p.x + sT * rng.gaussian()), Float(aT * p.y + sT * rng.gaussian())] })
        let r = try kind.sampler.sample(model: model, process: process, initial: initial, options: SamplingOptions(steps: 500), rng: GSLRandom(seed: 2)) {
            _ in
        }
        let label = "\(processName)/\(kind.rawValue)"
        let points = (0..<n).map { SIMD2(Double(r.samples.scalars[2 * $0]), Double(r.samples.scalars[2 * $0 + 1])) }
        let upper = points.filter { $0.x + $0.y > 0 }
        let share = Double(upper.count) / Double(n)
        #expect(abs(share - 0.8) < 4 * (0.8 * 0.2 / Double(n)).squareRoot(), "\(label): share \(share)")
        let (sx, sy) = (Summary(upper.map(\.x)), Summary(upper.map(\.y)))
        let m = Double(upper.count)
        #expect(abs(sx.mean - 5) < 4 / m.squareRoot() && abs(sy.mean - 5) < 4 / m.squareRoot(), "\(label): mean \(sx.mean), \(sy.mean)")
        for v in [sx.variance, sy.variance] { #expect(abs(v - 1) < 4 * (2 / m).squareRoot(), "\(label): variance \(v)") }
        let covariance = zip(upper.map(\.x), upper.map(\.y)).map { ($0 - sx.mean) * ($1 - sy.mean) }.reduce(0, +) / (m - 1)
        #expect(abs(covariance) < 4 / m.squareRoot(), "\(label): covariance \(covariance)")
    }
}
