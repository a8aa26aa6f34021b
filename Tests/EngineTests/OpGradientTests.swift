import Engine
import Testing

@Suite struct OpGradientTests {
    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func matmulGradientsMatchFiniteDifferences(transposeA: Bool, transposeB: Bool) {
        let aShape = transposeA ? [4, 3] : [3, 4], bShape = transposeB ? [5, 4] : [4, 5]
        let a = randomTensor(aShape, seed: 1), b = randomTensor(bShape, seed: 2)
        checkGradient(a) { t, x in weightedSum(t, t.matmul(x, t.constant(b), transposeA: transposeA, transposeB: transposeB)) }
        checkGradient(b) { t, x in weightedSum(t, t.matmul(t.constant(a), x, transposeA: transposeA, transposeB: transposeB)) }
    }

    @Test func linearGradientsMatchFiniteDifferences() {
        let x = randomTensor([5, 3], seed: 3), w = randomTensor([4, 3], seed: 4), b = randomTensor([4], seed: 5)
        checkGradient(x) { t, v in weightedSum(t, t.linear(v, weight: t.constant(w), bias: t.constant(b))) }
        checkGradient(w) { t, v in weightedSum(t, t.linear(t.constant(x), weight: v, bias: t.constant(b))) }
        checkGradient(b) { t, v in weightedSum(t, t.linear(t.constant(x), weight: t.constant(w), bias: v)) }
    }

    @Test(arguments: Activation.allCases)
    func activationGradientsMatchFiniteDifferences(_ f: Activation) {
        // Keep inputs away from ReLU's kink, where finite differences are not defined.
        var x = randomTensor([4, 6], seed: 6, scale: 2)
        x.scalars = x.scalars.map { abs($0) < 0.05 ? $0 + 0.2 : $0 }
        checkGradient(x, step: 1e-2) { t, v in weightedSum(t, t.activation(v, f)) }
    }

    @Test func broadcastingArithmeticGradientsMatchFiniteDifferences() {
        let a = randomTensor([3, 4], seed: 7), row = randomTensor([4], seed: 8), col = randomTensor([3, 1], seed: 9)
        checkGradient(a) { t, v in weightedSum(t, t.add(v, t.constant(row))) }
        checkGradient(row) { t, v in weightedSum(t, t.add(t.constant(a), v)) }
        checkGradient(col) { t, v in weightedSum(t, t.subtract(t.constant(a), v)) }
        checkGradient(a) { t, v in weightedSum(t, t.multiply(v, t.constant(col))) }
        checkGradient(col) { t, v in weightedSum(t, t.multiply(t.constant(a), v)) }
        checkGradient(a) { t, v in weightedSum(t, t.add(v, t.constant(a))) }
        checkGradient(a) { t, v in weightedSum(t, t.scale(v, by: -2.5)) }
    }

    @Test func reductionGradientsMatchFiniteDifferences() {
        let a = randomTensor([3, 4], seed: 10), b = randomTensor([3, 4], seed: 11)
        checkGradient(a) { t, v in t.mean(t.multiply(v, v)) }
        checkGradient(a) { t, v in t.meanSquaredError(v, t.constant(b)) }
        checkGradient(b) { t, v in t.meanSquaredError(t.constant(a), v) }
    }

    /// Concatenation large enough to be split over threads: every row is the two rows side by side,
    /// the pullback gives each part its columns, and 1 and 2 threads agree bit for bit.
    @Test func largeConcatenationIsExactOnAnyThreadCount() {
        let a = randomTensor([700, 300], seed: 14), b = randomTensor([700, 200], seed: 15), seed = randomTensor([700, 500], seed: 16)
        func run(threads: Int) -> [Tensor] {
            BLAS.setThreads(threads)
            defer { BLAS.setThreads(1) }
            let tape = Tape()
            let (va, vb) = (tape.input(a, requiresGradient: true), tape.input(b, requiresGradient: true))
            let y = tape.concatLastAxis([va, vb])
            tape.backward(y, seed: seed)
            return [y.value, tape.gradient(of: va)!, tape.gradient(of: vb)!]
        }
        let (one, two) = (run(threads: 1), run(threads: 2))
        #expect(one == two)
        for r in [0, 351, 699] {
            #expect(Array(one[0].scalars[(r * 500)..<(r * 500 + 300)]) == Array(a.scalars[(r * 300)..<((r + 1) * 300)]))
            #expect(Array(one[0].scalars[(r * 500 + 300)..<((r + 1) * 500)]) == Array(b.scalars[(r * 200)..<((r + 1) * 200)]))
            #expect(Array(one[2].scalars[(r * 200)..<((r + 1) * 200)]) == Array(seed.scalars[(r * 500 + 300)..<((r + 1) * 500)]))
        }
    }

    @Test func shapeOpGradientsMatchFiniteDifferences() {
        let a = randomTensor([3, 2], seed: 12), b = randomTensor([3, 5], seed: 13)
        checkGradient(a) { t, v in weightedSum(t, t.concatLastAxis([v, t.constant(b)])) }
        checkGradient(b) { t, v in weightedSum(t, t.concatLastAxis([t.constant(a), v])) }
        checkGradient(b) { t, v in weightedSum(t, t.reshape(v, [5, 3])) }
    }

    @Test func sinusoidalFeatureGradientsMatchFiniteDifferences() {
        let x = randomTensor([4, 2], seed: 14, scale: 0.5)
        checkGradient(x, step: 1e-3, tolerance: 3e-2) { t, v in
            weightedSum(t, t.sinusoidalFeatures(v, frequencies: [0.5, 1, 3, 7]))
        }
    }

    @Test func gradientAccumulatesWhenAnInputIsReused() {
        // y = Σ (x ⊙ x + x) → ∂y/∂x = 2x + 1: both uses must be added.
        let x0 = randomTensor([2, 3], seed: 15)
        let tape = Tape()
        let x = tape.input(x0, requiresGradient: true)
        tape.backward(tape.sum(tape.add(tape.multiply(x, x), x)))
        let g = tape.gradient(of: x)!
        for i in 0..<x0.count { #expect(abs(g.scalars[i] - (2 * x0.scalars[i] + 1)) < 1e-5) }
    }
}
