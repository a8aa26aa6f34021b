import Diffusion
import Engine
import Foundation
import Samplers
import Stats
import Testing

@Suite struct DDIMTests {
    let process = try! DiscreteDDPM(schedule: .linear, timesteps: 1000)
    var model: GaussianEpsilonModel { GaussianEpsilonModel(process: process, mean: 1.5, std: 0.4) }

    /// η = 1 is ancestral sampling with σ² = β̃ written differently: with the same noise draws
    /// the two samplers give the same points, on the full chain and on a subsequence.
    @Test(arguments: [1000, 37])
    func etaOneEqualsAncestralSampling(steps: Int) throws {
        let initial = Tensor(shape: [500, 2], scalars: GSLRandom(seed: 1).gaussians(1000))
        let ddim = try DDIM(eta: 1).sample(
            model: model, process: process, initial: initial,
            options: SamplingOptions(steps: steps), rng: GSLRandom(seed: 2)
        ) { _ in }
        let ddpm = try DDPMAncestral(variance: .posterior).sample(
            model: model, process: process, initial: initial,
            options: SamplingOptions(steps: steps), rng: GSLRandom(seed: 2)
        ) { _ in }
        for (a, b) in zip(ddim.samples.scalars, ddpm.samples.scalars) { #expect(abs(a - b) < 1e-4 * max(1, abs(b))) }
    }

    @Test func etaZeroIsDeterministicAndReproducesTheData() throws {
        let initial = Tensor(shape: [10_000, 2], scalars: GSLRandom(seed: 3).gaussians(20_000))
        let a = try DDIM(eta: 0).sample(
            model: model, process: process, initial: initial, options: SamplingOptions(steps: 200),
            rng: GSLRandom(seed: 4)
        ) { _ in }
        let b = try DDIM(eta: 0).sample(
            model: model, process: process, initial: initial, options: SamplingOptions(steps: 200),
            rng: GSLRandom(seed: 5)
        ) { _ in }
        #expect(a.samples == b.samples)
        let s = Summary(a.samples.scalars.map(Double.init))
        // The probability-flow map of N(0, I) to N(μ, s²) is affine; 200 steps leave a small bias.
        #expect(abs(s.mean - 1.5) < 4 * (0.16 / 20_000).squareRoot() + 0.01)
        #expect(abs(s.variance - 0.16) < 0.01)
    }

    /// Encode x₀ to x_T with the η = 0 update run forward, decode back: the input returns, and the
    /// error shrinks as the steps grow (first-order discretization).
    @Test func etaZeroEncodeThenDecodeReturnsTheInput() throws {
        let x0 = Tensor(shape: [200, 2], scalars: GSLRandom(seed: 6).gaussians(400).map { 1.5 + 0.4 * $0 })
        func roundTripError(_ steps: Int) throws -> Float {
            let xT = try DDIM.encode(model: model, process: process, x0: x0, steps: steps)
            let back = try DDIM(eta: 0).sample(
                model: model, process: process, initial: xT, options: SamplingOptions(steps: steps),
                rng: GSLRandom(seed: 7)
            ) { _ in }
            return zip(back.samples.scalars, x0.scalars).map { abs($0 - $1) }.max()!
        }
        let coarse = try roundTripError(50), fine = try roundTripError(500)
        #expect(fine < 0.02, "round-trip error \(fine) at 500 steps")
        #expect(fine < coarse / 3, "error \(coarse) at 50 steps, \(fine) at 500")
    }
}
