import Engine
import Foundation
import NN
import Stats
import Testing

@Suite struct LayerTests {
    @Test func w1NetworkHasTheReferenceParameterCount() {
        let net = MLPDenoiser(.w1, rng: GSLRandom(seed: 0))
        #expect(net.parameterCount == 165_634)  // shared/bench/README.md, W1
    }

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

    /// The denoiser's gradient with respect to its input x (through the Fourier features),
    /// as classifier guidance and likelihoods need, against finite differences.
    @Test(arguments: [true, false])
    func denoiserInputGradientMatchesFiniteDifferences(residual: Bool) {
        let arch = DenoiserArchitecture(
            width: 16, depth: 3, activation: .silu, timeEmbedding: 8, inputFrequencies: 4,
            inputScale: 2, residual: residual)
        let net = MLPDenoiser(arch, rng: GSLRandom(seed: 2))
        let x0 = Tensor(shape: [3, 2], scalars: [0.1, -0.4, 0.7, 0.2, -0.3, 0.5])
        let times: [Float] = [3, 10, 50]
        func loss(_ t: Tape, _ x: Var) -> Var { t.sum(t.multiply(net(x, times: times), net(x, times: times))) }
        let tape = Tape()
        let x = tape.input(x0, requiresGradient: true)
        tape.backward(loss(tape, x))
        let g = tape.gradient(of: x)!
        for i in 0..<x0.count {
            var p = x0, m = x0
            p.scalars[i] += 1e-2
            m.scalars[i] -= 1e-2
            let tp = Tape(recording: false), tm = Tape(recording: false)
            let numeric = (loss(tp, tp.constant(p)).value.scalar - loss(tm, tm.constant(m)).value.scalar) / 2e-2
            #expect(abs(numeric - g.scalars[i]) <= 3e-2 * max(1, abs(numeric)), "x[\(i)]: \(numeric) vs \(g.scalars[i])")
        }
    }

    @Test func denoiserParameterGradientMatchesFiniteDifferences() {
        let arch = DenoiserArchitecture(
            width: 8, depth: 2, activation: .gelu, timeEmbedding: 4, inputFrequencies: 0,
            inputScale: 1, residual: true)
        let net = MLPDenoiser(arch, rng: GSLRandom(seed: 3))
        let x0 = Tensor(shape: [4, 2], scalars: [0.1, -0.4, 0.7, 0.2, -0.3, 0.5, 1, -1])
        let target = Tensor(shape: [4, 2], scalars: [1, 0, 0, 1, -1, 0.5, 0.2, 0.1])
        func loss() -> Float {
            let t = Tape(recording: false)
            return t.meanSquaredError(net(t.constant(x0), times: [1, 2, 3, 4]), t.constant(target)).value.scalar
        }
        let tape = Tape()
        net.zeroGrad()
        tape.backward(tape.meanSquaredError(net(tape.constant(x0), times: [1, 2, 3, 4]), tape.constant(target)))
        for p in net.parameters {
            for i in stride(from: 0, to: p.value.count, by: max(1, p.value.count / 5)) {
                let saved = p.value.scalars[i]
                p.value.scalars[i] = saved + 1e-2
                let lp = loss()
                p.value.scalars[i] = saved - 1e-2
                let lm = loss()
                p.value.scalars[i] = saved
                let numeric = (lp - lm) / 2e-2
                #expect(abs(numeric - p.grad.scalars[i]) <= 2e-2 * max(0.1, abs(numeric)), "\(p.name)[\(i)]")
            }
        }
    }
}

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
