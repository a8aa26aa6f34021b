import Diffusion
import Engine
import Foundation
import Samplers
import Stats
import Testing

/// On a single Gaussian N(μ, s²I) under VE the probability-flow ODE is linear,
/// dx/dσ = σ/(s² + σ²)·(x − μ), with the exact flow x(σ_b) − μ = g*·(x(σ_a) − μ),
/// g* = √(s² + σ_b²)/√(s² + σ_a²). One Euler or Heun step multiplies x − μ by a scalar too, so the
/// step error relative to the step's length is |g − g*|/|g* − 1| for every point, and the spread
/// ratio |g|/|g*|: the measurement is checked against these closed forms.
@Suite struct KarrasStepErrorTests {
    let mu = SIMD2<Double>(1, -2)
    let s = 0.5

    func expected(_ method: SamplerKind, from a: Double, to b: Double) -> (relative: Double, spread: Double) {
        let k = { (sigma: Double) in sigma / (s * s + sigma * sigma) }
        let h = b - a
        let euler = 1 + h * k(a)
        let g = method == .euler ? euler : 1 + h / 2 * (k(a) + k(b) * euler)
        let exact = ((s * s + b * b) / (s * s + a * a)).squareRoot()
        return (abs(g - exact) / abs(exact - 1), abs(g) / exact)
    }

    @Test(arguments: [SamplerKind.heun, .euler])
    func stepErrorsMatchTheClosedFormOnAGaussian(method: SamplerKind) throws {
        let process = ContinuousProcess(VESDE(sigmaMin: 0.01, sigmaMax: 20))
        let model = GaussianMixtureModel(process: process, weights: [1], means: [mu], standardDeviations: [s])
        let rng = GSLRandom(seed: 3)
        let initial = Tensor(shape: [300, 2], scalars: rng.gaussians(600).map { 20 * $0 })
        let errors = try KarrasStepError.measure(method: method, model: model, process: process, initial: initial, steps: 6, substeps: 200)
        let sigmas = try karrasSigmas(process: process, steps: 6)
        #expect(errors.count == 5)  // the last step, to σ = 0, is not measured
        for e in errors {
            #expect(e.sigmaFrom == sigmas[e.step] && e.sigmaTo == sigmas[e.step + 1])
            let want = expected(method, from: e.sigmaFrom, to: e.sigmaTo)
            #expect(abs(e.relativeError - want.relative) <= 0.02 * want.relative + 2e-4, "step \(e.step): \(e.relativeError) vs \(want.relative)")
            #expect(abs(e.spreadRatio - want.spread) <= 1e-3, "step \(e.step): \(e.spreadRatio) vs \(want.spread)")
            #expect(e.referenceError < 1e-3)
        }
    }

    @Test func onlyEulerAndHeunAreMeasured() {
        let process = ContinuousProcess(VESDE(sigmaMin: 0.01, sigmaMax: 20))
        let model = GaussianMixtureModel(process: process, weights: [1], means: [mu], standardDeviations: [s])
        #expect(throws: SamplerError.self) {
            try KarrasStepError.measure(method: .ddim, model: model, process: process, initial: Tensor(shape: [2, 2], scalars: [0, 0, 1, 1]), steps: 3)
        }
    }
}
