import Diffusion
import Engine
import Foundation
import Samplers
import Stats
import Testing

@Suite struct GaussianMixtureModelTests {
    let process = try! DiscreteDDPM(schedule: .linear, timesteps: 1000)
    var model: GaussianMixtureModel {
        GaussianMixtureModel(process: process, weights: [0.8, 0.2], means: [SIMD2(5, 5), SIMD2(-5, -5)], standardDeviations: [1, 1])
    }

    /// The score against central differences of log p_t, computed directly.
    @Test func scoreIsTheGradientOfTheLogDensity() {
        let m = model
        func logp(_ x: SIMD2<Double>, _ a: Double, _ s: Double) -> Double {
            log(
                zip(m.weights, m.means).map { w, mu in
                    let v = a * a + s * s
                    let d = x - a * mu
                    return w * exp(-(d * d).sum() / (2 * v)) / (2 * Double.pi * v)
                }.reduce(0, +))
        }
        for (x, t) in [(SIMD2(1.0, 2.0), 10), (SIMD2(-3.0, 0.5), 300), (SIMD2(0.0, 0.0), 900)] {
            let (a, s) = process.marginal(t)
            let g = model.score(x, alpha: a, sigma: s)
            let h = 1e-5
            let nx = (logp(x + SIMD2(h, 0), a, s) - logp(x - SIMD2(h, 0), a, s)) / (2 * h)
            let ny = (logp(x + SIMD2(0, h), a, s) - logp(x - SIMD2(0, h), a, s)) / (2 * h)
            #expect(abs(g.x - nx) < 1e-5 * max(1, abs(nx)) && abs(g.y - ny) < 1e-5 * max(1, abs(ny)), "t = \(t)")
        }
    }

    /// Ancestral sampling and DDIM driven by the exact mixture model recover the 0.8/0.2 weights
    /// and the component spread within a few standard errors (10,000 samples).
    @Test(arguments: [SamplerKind.ddpm, .ddim])
    func samplersRecoverTheMixture(_ kind: SamplerKind) throws {
        let n = 10_000
        let initial = Tensor(shape: [n, 2], scalars: GSLRandom(seed: 1).gaussians(2 * n))
        let r = try kind.sampler.sample(
            model: model, process: process, initial: initial, options: SamplingOptions(steps: 250),
            rng: GSLRandom(seed: 2)
        ) { _ in }
        let points = (0..<n).map { SIMD2(Double(r.samples.scalars[2 * $0]), Double(r.samples.scalars[2 * $0 + 1])) }
        let upper = points.filter { $0.x + $0.y > 0 }
        let share = Double(upper.count) / Double(n)
        #expect(abs(share - 0.8) < 4 * (0.8 * 0.2 / Double(n)).squareRoot(), "\(kind): share \(share)")
        let sx = Summary(upper.map(\.x))
        let m = Double(upper.count)
        #expect(abs(sx.mean - 5) < 4 / m.squareRoot(), "\(kind): mean \(sx.mean)")
        #expect(abs(sx.variance - 1) < 4 * (2 / m).squareRoot(), "\(kind): variance \(sx.variance)")
    }
}
