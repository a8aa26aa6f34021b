import Diffusion
import Engine
import Foundation
import Samplers
import Stats
import Testing

/// Song & Ermon 2019, fig. 3: on 0.8·N((5,5), I) + 0.2·N((−5,−5), I), Langevin dynamics from a
/// uniform start keeps the initial 50/50 split, annealed Langevin recovers 0.8/0.2 (their settings:
/// σ from 20 to 1 in 10 geometric levels, 100 steps each, ε = 0.1).
@Suite struct LangevinTests {
    let levels = NoiseLevels(sigmaMin: 1, sigmaMax: 20, levels: 10)
    var mixture: GaussianMixtureModel {
        GaussianMixtureModel(process: levels, weights: [0.8, 0.2], means: [SIMD2(5, 5), SIMD2(-5, -5)], standardDeviations: [1, 1])
    }

    func upperShare(annealed: Bool, n: Int = 10_000) throws -> Double {
        let rng = GSLRandom(seed: 3)
        let start = Tensor(shape: [n, 2], scalars: (0..<(2 * n)).map { _ in Float(16 * rng.uniform() - 8) })
        let r = try Langevin(annealed: annealed, stepSize: 0.1).sample(
            model: mixture, process: levels, initial: start, options: SamplingOptions(steps: 1000), rng: rng
        ) { _ in }
        #expect(r.modelEvaluations == 1000)
        return Double((0..<n).filter { r.samples.scalars[2 * $0] + r.samples.scalars[2 * $0 + 1] > 0 }.count) / Double(n)
    }

    @Test func annealedLangevinRecoversTheModeWeights() throws {
        let share = try upperShare(annealed: true)
        #expect(abs(share - 0.8) < 0.02, "annealed share \(share)")
    }

    @Test func plainLangevinDoesNot() throws {
        let share = try upperShare(annealed: false)
        #expect(abs(share - 0.8) > 0.2, "plain share \(share)")
        #expect(abs(share - 0.5) < 0.03, "plain Langevin keeps the uniform start's split, got \(share)")
    }

    @Test func langevinNeedsNoiseLevels() {
        #expect(throws: SamplerError.self) {
            _ = try Langevin(annealed: true).sample(
                model: mixture, process: ContinuousProcess(VPSDE()), initial: Tensor(zeros: [4, 2]), options: SamplingOptions(steps: 10),
                rng: GSLRandom(seed: 1)
            ) { _ in }
        }
    }
}
