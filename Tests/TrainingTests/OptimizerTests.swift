import Engine
import Foundation
import NN
import Testing
import Training

@Suite struct OptimizerTests {
    /// Adam against a Double re-implementation of Kingma & Ba's algorithm 1 (with AdamW decay).
    @Test func adamMatchesTheAlgorithm() {
        let p = Parameter(name: "p", value: Tensor(shape: [3], scalars: [0.5, -1, 2]))
        let adam = Adam(parameters: [p], weightDecay: 0.01)
        var theta = p.value.scalars.map(Double.init), m = [0.0, 0, 0], v = [0.0, 0, 0]
        for step in 1...5 {
            let g = theta.map { 2 * $0 + 0.3 }
            p.grad = Tensor(shape: [3], scalars: g.map(Float.init))
            adam.update(lr: 0.1)
            for i in 0..<3 {
                m[i] = 0.9 * m[i] + 0.1 * g[i]
                v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i]
                let mh = m[i] / (1 - pow(0.9, Double(step))), vh = v[i] / (1 - pow(0.999, Double(step)))
                theta[i] -= 0.1 * (mh / (vh.squareRoot() + 1e-8) + 0.01 * theta[i])
            }
        }
        for i in 0..<3 { #expect(abs(Double(p.value.scalars[i]) - theta[i]) < 1e-5) }
    }

    @Test func gradientClippingScalesToTheMaximumNorm() {
        let a = Parameter(name: "a", value: Tensor(zeros: [2])), b = Parameter(name: "b", value: Tensor(zeros: [1]))
        a.grad = Tensor(shape: [2], scalars: [3, 0])
        b.grad = Tensor(shape: [1], scalars: [4])
        let norm = clipGradientNorm([a, b], maxNorm: 1)
        #expect(abs(norm - 5) < 1e-6)
        #expect(abs(a.grad.scalars[0] - 0.6) < 1e-6 && abs(b.grad.scalars[0] - 0.8) < 1e-6)
        #expect(abs(clipGradientNorm([a, b], maxNorm: 10) - 1) < 1e-6)  // below the limit: unchanged
        #expect(abs(a.grad.scalars[0] - 0.6) < 1e-6)
    }

    @Test func learningRateWarmsUpThenDecaysByCosine() {
        let s = LearningRateSchedule(peak: 1, warmupSteps: 10, totalSteps: 110, floor: 0.1)
        #expect(abs(s.rate(at: 0) - 0.1) < 1e-12)
        #expect(abs(s.rate(at: 9) - 1) < 1e-12)
        #expect(abs(s.rate(at: 60) - 0.55) < 1e-12)  // halfway through the decay: floor + (1 − floor)/2
        #expect(abs(s.rate(at: 110) - 0.1) < 1e-12)
        #expect(abs(s.rate(at: 500) - 0.1) < 1e-12)
    }

    @Test func emaFollowsItsRecurrence() {
        let p = Parameter(name: "p", value: Tensor(shape: [1], scalars: [0]))
        let ema = EMA(parameters: [p], decay: 0.9)
        var expected = 0.0
        for n in 0..<30 {
            p.value.scalars[0] = Float(n)
            ema.update()
            let d = min(0.9, Double(1 + n) / Double(10 + n))
            expected = d * expected + (1 - d) * Double(n)
        }
        #expect(abs(Double(ema.shadow["p"]!.scalars[0]) - expected) < 1e-4)
    }
}
