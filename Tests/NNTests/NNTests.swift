import Engine
import Foundation
import NN
import Stats
import Testing

@Suite struct LayerTests {
    @Test func linearInitializationFollowsPyTorchBounds() {
        let l = Linear(name: "l", inFeatures: 64, outFeatures: 32, rng: GSLRandom(seed: 1))
        let bound: Float = 1 / 8
        #expect(l.weight.value.scalars.allSatisfy { abs($0) <= bound })
        #expect(l.weight.value.scalars.map { abs($0) }.max()! > 0.9 * bound)
        #expect(l.bias.value.shape == [32])
    }

    @Test func timeEmbeddingTableEqualsDirectComputation() {
        let cached = SinusoidalTimeEmbedding(dimension: 16, cachedSteps: 100)
        let direct = SinusoidalTimeEmbedding(dimension: 16)
        let times: [Float] = [0, 1, 37, 99, 150, 2.5]
        #expect(cached(times) == direct(times))
        let e = direct([10]).scalars
        for k in 0..<8 {
            let f = exp(-log(10_000.0) * Double(k) / 8)
            #expect(abs(Double(e[k]) - sin(10 * f)) < 1e-5)
            #expect(abs(Double(e[8 + k]) - cos(10 * f)) < 1e-5)
        }
    }

}
