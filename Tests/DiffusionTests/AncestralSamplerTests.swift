import Diffusion
import Engine
import Foundation
import Samplers
import Stats
import Testing

/// The exact ε-model of Gaussian data x₀ ~ N(μ, s²): x_t ~ N(αμ, α²s² + σ²), so
/// E[ε | x_t] = σ(x_t − αμ)/(α²s² + σ²) (the true score times −σ).
struct GaussianEpsilonModel: DenoisingModel {
    let process: DiscreteDDPM
    let mean: Float, std: Float
    var prediction: Prediction { .epsilon }
    func callAsFunction(_ x: Tensor, time: Double) -> Tensor { outputAndDivergence(x, time: time).output }
    /// ε = σ(x − αμ)/v with v = α²s² + σ², whose divergence is d·σ/v.
    func outputAndDivergence(_ x: Tensor, time: Double) -> (output: Tensor, divergence: [Double]) {
        let (a, s) = process.marginal(at: time)
        let (alpha, sigma) = (Float(a), Float(s))
        let variance = alpha * alpha * std * std + sigma * sigma
        let d = x.batchShape.perSample
        return (
            Tensor(shape: x.shape, scalars: x.scalars.map { sigma * ($0 - alpha * mean) / variance }),
            [Double](repeating: Double(d) * s / Double(variance), count: x.batchShape.batch)
        )
    }
}

@Suite struct AncestralSamplerTests {
    /// Mean and variance after the (respaced) ancestral chain for Gaussian data and the exact
    /// model, by propagating N(m, V) through each linear-Gaussian step in Double: the sampler's
    /// own discretization, with no Monte Carlo. x̂₀ = μ + αs²(x − αμ)/(α²s² + σ²).
    static func chainMoments(_ p: DiscreteDDPM, steps: Int, variance: ReverseVariance, mu: Double, s: Double) throws -> (Double, Double) {
        let seq = try timestepSubsequence(timesteps: p.timesteps, steps: steps)
        var (m, v) = (0.0, 1.0)
        for i in seq.indices.reversed() {
            let t = seq[i]
            let post = p.step(from: t, to: i > 0 ? seq[i - 1] : -1)
            let (ct, c0, pv) = post.posterior
            let (a, sg) = p.marginal(t)
            let k = a * s * s / (a * a * s * s + sg * sg)
            m = c0 * (mu + k * (m - a * mu)) + ct * m
            let gain = c0 * k + ct
            v = gain * gain * v + (i > 0 ? (variance == .beta ? post.transition.variance : pv) : 0)
        }
        return (m, v)
    }

    static let cases: [(ReverseVariance, Int)] = [(.posterior, 1000), (.beta, 1000), (.posterior, 50), (.beta, 50), (.posterior, 7)]

    /// Monte Carlo of the sampler with the exact model matches the chain's exact moments within
    /// a few standard errors, on the full chain and on respaced subsequences.
    @Test(arguments: cases)
    func exactModelMatchesTheChainsExactMoments(variance: ReverseVariance, steps: Int) throws {
        let process = try DiscreteDDPM(schedule: .linear, timesteps: 1000)
        let (mu, s) = (2.5, 0.6)
        let n = 20_000
        let rng = GSLRandom(seed: 7)
        let initial = Tensor(shape: [n / 2, 2], scalars: rng.gaussians(n))
        let result = try DDPMAncestral(variance: variance).sample(
            model: GaussianEpsilonModel(process: process, mean: Float(mu), std: Float(s)), process: process, initial: initial,
            options: SamplingOptions(steps: steps), rng: rng
        ) { _ in }
        let summary = Summary(result.samples.scalars.map(Double.init))
        let (m, v) = try Self.chainMoments(process, steps: steps, variance: variance, mu: mu, s: s)
        #expect(abs(summary.mean - m) < 4 * (v / Double(n)).squareRoot(), "mean \(summary.mean), exact \(m)")
        #expect(abs(summary.variance - v) < 4 * v * (2 / Double(n)).squareRoot(), "variance \(summary.variance), exact \(v)")
        #expect(result.modelEvaluations == steps)
    }

    /// With all 1000 steps the chain reproduces the data N(μ, s²) itself (Ho et al. 2020).
    @Test(arguments: ReverseVariance.allCases)
    func fullChainReproducesGaussianData(variance: ReverseVariance) throws {
        let process = try DiscreteDDPM(schedule: .linear, timesteps: 1000)
        let (m, v) = try Self.chainMoments(process, steps: 1000, variance: variance, mu: 2.5, s: 0.6)
        #expect(abs(m - 2.5) < 1e-3)
        #expect(abs(v - 0.36) < 0.01)
    }

    /// The last step adds no noise: with one step the sample is exactly the model's x̂₀.
    @Test func lastStepReturnsPredictedX0WithoutNoise() throws {
        let process = try DiscreteDDPM(schedule: .linear, timesteps: 100)
        let model = GaussianEpsilonModel(process: process, mean: 1, std: 0.5)
        let initial = Tensor(shape: [4, 2], scalars: [0.3, -1, 2, 0.1, -0.5, 1.5, 0, 0.9])
        let result = try DDPMAncestral().sample(
            model: model, process: process, initial: initial,
            options: SamplingOptions(steps: 1), rng: GSLRandom(seed: 1)
        ) { _ in }
        let (a, s) = process.marginal(99)
        let eps = model(initial, time: 99)
        for i in 0..<8 {
            let x0 = (Double(initial.scalars[i]) - s * Double(eps.scalars[i])) / a
            #expect(abs(Double(result.samples.scalars[i]) - x0) < 1e-4)
        }
    }

    /// No silent clipping: data at ±3 keeps its spread unless --clip is asked for.
    @Test func samplesAreNotClippedUnlessAsked() throws {
        let process = try DiscreteDDPM(schedule: .linear, timesteps: 200)
        let model = GaussianEpsilonModel(process: process, mean: 3, std: 0.5)
        let initial = Tensor(shape: [2000, 2], scalars: GSLRandom(seed: 2).gaussians(4000))
        let free = try DDPMAncestral().sample(
            model: model, process: process, initial: initial,
            options: SamplingOptions(steps: 200), rng: GSLRandom(seed: 3)
        ) { _ in }
        #expect(abs(Summary(free.samples.scalars.map(Double.init)).mean - 3) < 0.05)
        let clipped = try DDPMAncestral().sample(
            model: model, process: process, initial: initial,
            options: SamplingOptions(steps: 200, clip: 1), rng: GSLRandom(seed: 3)
        ) { _ in }
        #expect(clipped.samples.scalars.allSatisfy { $0 <= 1 + 1e-6 })
    }

    @Test func trajectoryCapturesRequestedSteps() throws {
        let process = try DiscreteDDPM(schedule: .linear, timesteps: 100)
        let initial = Tensor(shape: [10, 2], scalars: GSLRandom(seed: 4).gaussians(20))
        let r = try DDPMAncestral().sample(
            model: GaussianEpsilonModel(process: process, mean: 0, std: 1), process: process,
            initial: initial, options: SamplingOptions(steps: 20, capture: [0, 10, 20]),
            rng: GSLRandom(seed: 5)
        ) { _ in }
        #expect(r.trajectory.map(\.step) == [0, 10, 20])
        #expect(r.trajectory.first!.x == initial)
        #expect(r.trajectory.last!.x == r.samples)
    }

    @Test func timestepSubsequenceSpansTheChain() throws {
        #expect(try timestepSubsequence(timesteps: 1000, steps: 1000) == Array(0..<1000))
        let s = try timestepSubsequence(timesteps: 1000, steps: 10)
        #expect(s.count == 10 && s.first == 0 && s.last == 999 && s == s.sorted())
        #expect(try timestepSubsequence(timesteps: 10, steps: 1) == [9])
        #expect(throws: ProcessError.self) { try timestepSubsequence(timesteps: 10, steps: 11) }
        #expect(throws: ProcessError.self) { try timestepSubsequence(timesteps: 10, steps: 0) }
    }
}
