import Diffusion
import Engine
import Foundation
import Samplers
import Stats
import Testing

/// The exact ε-model of data x₀ ~ N(μ, s² I) in any shape, under any process:
/// ε(x_t) = σ(x_t − αμ)/(α²s² + σ²), divergence d·σ/(α²s² + σ²) per row.
struct IsotropicGaussianModel: DivergenceModel {
    let process: any NoiseProcess
    let mean: Double, std: Double
    var prediction: Prediction { .epsilon }
    func callAsFunction(_ x: Tensor, time: Double) -> Tensor { outputAndDivergence(x, time: time).output }
    func outputAndDivergence(_ x: Tensor, time: Double) -> (output: Tensor, divergence: [Double]) {
        let (a, s) = process.marginal(at: time)
        let v = a * a * std * std + s * s
        let (rows, d) = x.batchShape
        return (
            Tensor(shape: x.shape, scalars: x.scalars.map { Float(s * (Double($0) - a * mean) / v) }),
            [Double](repeating: Double(d) * s / v, count: rows)
        )
    }
}

@Suite struct AnyShapeSamplerTests {
    static let process = ContinuousProcess(VPSDE())

    /// Every sampler that drives a VP process, on the exact score of N(μ, s² I), reproduces μ and
    /// s² within a few standard errors on [n, 1, 4, 4] images, and (all but pc) gives the same
    /// numbers as on [8n, 2] points with the same 16n coordinates and noise.
    @Test(arguments: SamplerKind.allCases.filter { $0.processes.contains(.vp) })
    func samplesOfAnyShapeHaveTheDataMoments(_ kind: SamplerKind) throws {
        let (mu, s) = (1.5, 0.5)
        let n = 1250  // 20,000 coordinates
        let model = IsotropicGaussianModel(process: Self.process, mean: mu, std: s)
        let noise = GSLRandom(seed: 3).gaussians(16 * n)
        func run(_ shape: [Int]) throws -> Tensor {
            try kind.sampler.sample(
                model: model, process: Self.process, initial: Tensor(shape: shape, scalars: noise), options: SamplingOptions(steps: 500),
                rng: GSLRandom(seed: 4)
            ) { _ in }.samples
        }
        let images = try run([n, 1, 4, 4])
        let points = try run([8 * n, 2])
        #expect(images.shape == [n, 1, 4, 4])
        // The corrector of pc sizes its steps by per-sample norms (Song et al. 2021, alg. 5), so
        // there a sample's shape matters by design; every other sampler works per coordinate.
        if kind != .pc { #expect(images.scalars == points.scalars, "\(kind.rawValue): image and point batches differ") }
        let summary = Summary(images.scalars.map(Double.init))
        let m = Double(images.count)
        #expect(abs(summary.mean - mu) < 4 * s / m.squareRoot(), "\(kind.rawValue): mean \(summary.mean)")
        #expect(abs(summary.variance - s * s) < 4 * s * s * (2 / m).squareRoot(), "\(kind.rawValue): variance \(summary.variance)")
    }

    /// The probability-flow likelihood of an image-shaped batch equals the Gaussian log-density
    /// of p_ε (with the exact p_1 as the prior, so only the integration is tested).
    @Test func likelihoodOfAnyShapeIsTheGaussianDensity() throws {
        let (mu, s) = (0.5, 0.8)
        let model = IsotropicGaussianModel(process: Self.process, mean: mu, std: s)
        func logDensity(_ x: [Double], _ t: Double) -> Double {
            let (a, sg) = Self.process.marginal(at: t)
            let v = a * a * s * s + sg * sg
            return x.map { -0.5 * ($0 - a * mu) * ($0 - a * mu) / v - 0.5 * log(2 * Double.pi * v) }.reduce(0, +)
        }
        let x = Tensor(shape: [3, 1, 2, 2], scalars: GSLRandom(seed: 5).gaussians(12).map { Float(mu + s * Double($0)) })
        let (logp, _) = try ODELikelihood(method: .rk8pd, tolerance: 1e-9).logLikelihood(
            x, model: model, process: Self.process, from: 1e-5, priorLogDensity: { logDensity(Array($0), 1) })
        for r in 0..<3 {
            let exact = logDensity((0..<4).map { Double(x.scalars[4 * r + $0]) }, 1e-5)
            #expect(abs(logp[r] - exact) < 1e-5, "row \(r): \(logp[r]) vs \(exact)")
        }
    }
}
