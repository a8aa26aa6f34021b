import Engine
import Foundation
import Models
import NN
import Stats
import Testing

@Suite struct MLPDenoiserTests {
    @Test func w1NetworkHasTheReferenceParameterCount() {
        let net = MLPDenoiser(.w1, rng: GSLRandom(seed: 0))
        #expect(net.parameterCount == 165_634)  // shared/bench/README.md, W1
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
