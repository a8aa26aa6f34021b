import Diffusion
import Foundation
import Samplers
import Stats
import Testing

/// Song & Ermon 2019, fig. 3: on 0.8·N((5,5), I) + 0.2·N((−5,−5), I), Langevin dynamics from a
/// uniform start keeps the initial 50/50 split, annealed Langevin recovers 0.8/0.2 (their settings:
/// σ from 20 to 1 in 10 geometric levels, 100 steps each, ε = 0.1).
@Suite struct LangevinTests {
    let mixture = GaussianMixtureModel(
        process: try! DiscreteDDPM(schedule: .cosine, timesteps: 100), weights: [0.8, 0.2],
        means: [SIMD2(5, 5), SIMD2(-5, -5)], standardDeviations: [1, 1])

    func upperShare(_ sampler: AnnealedLangevin, n: Int = 10_000) -> Double {
        let rng = GSLRandom(seed: 3)
        let start = (0..<n).map { _ in SIMD2(16 * rng.uniform() - 8, 16 * rng.uniform() - 8) }
        let out = sampler.sample(initial: start, rng: rng) { x, sigma in mixture.score(x, alpha: 1, sigma: sigma) }
        return Double(out.filter { $0.x + $0.y > 0 }.count) / Double(n)
    }

    @Test func annealedLangevinRecoversTheModeWeights() {
        let share = upperShare(AnnealedLangevin(sigmaMax: 20, sigmaMin: 1, levels: 10, stepsPerLevel: 100, stepSize: 0.1))
        #expect(abs(share - 0.8) < 0.02, "annealed share \(share)")
    }

    @Test func plainLangevinDoesNot() {
        let share = upperShare(.plain(sigma: 1, steps: 1000, stepSize: 0.1))
        #expect(abs(share - 0.8) > 0.2, "plain share \(share)")
        #expect(abs(share - 0.5) < 0.03, "plain Langevin keeps the uniform start's split, got \(share)")
    }
}
