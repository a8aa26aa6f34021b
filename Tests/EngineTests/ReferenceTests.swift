import Engine
import Foundation
import Testing

/// Forward and backward of kernels against naive Double loops on a sweep of small shapes.
@Suite struct ReferenceTests {
    static let shapes = [(1, 1, 1), (2, 3, 4), (7, 5, 3), (16, 33, 9), (64, 130, 31)]

    @Test(arguments: shapes)
    func matmulMatchesNaiveLoop(m: Int, k: Int, n: Int) {
        let a = randomTensor([m, k], seed: 20), b = randomTensor([k, n], seed: 21)
        let tape = Tape(recording: false)
        let c = tape.matmul(tape.constant(a), tape.constant(b)).value
        #expect(c.shape == [m, n])
        for i in 0..<m {
            for j in 0..<n {
                var s = 0.0
                for p in 0..<k { s += Double(a.scalars[i * k + p]) * Double(b.scalars[p * n + j]) }
                #expect(abs(Double(c.scalars[i * n + j]) - s) <= 1e-4 * max(1, abs(s)))
            }
        }
    }

    @Test(arguments: shapes)
    func linearForwardAndBackwardMatchNaiveLoops(rows: Int, inF: Int, outF: Int) {
        let x = randomTensor([rows, inF], seed: 22), w = randomTensor([outF, inF], seed: 23), b = randomTensor([outF], seed: 24)
        let dy = randomTensor([rows, outF], seed: 25)
        let tape = Tape()
        let (vx, vw, vb) = (tape.input(x, requiresGradient: true), tape.input(w, requiresGradient: true), tape.input(b, requiresGradient: true))
        let y = tape.linear(vx, weight: vw, bias: vb)
        tape.backward(y, seed: dy)
        let (gx, gw, gb) = (tape.gradient(of: vx)!, tape.gradient(of: vw)!, tape.gradient(of: vb)!)
        func close(_ a: Float, _ b: Double) -> Bool { abs(Double(a) - b) <= 1e-4 * max(1, abs(b)) }
        for r in 0..<rows {
            for o in 0..<outF {
                var s = Double(b.scalars[o])
                for i in 0..<inF { s += Double(x.scalars[r * inF + i]) * Double(w.scalars[o * inF + i]) }
                #expect(close(y.value.scalars[r * outF + o], s))
            }
            for i in 0..<inF {
                var s = 0.0
                for o in 0..<outF { s += Double(dy.scalars[r * outF + o]) * Double(w.scalars[o * inF + i]) }
                #expect(close(gx.scalars[r * inF + i], s))
            }
        }
        for o in 0..<outF {
            var sb = 0.0
            for r in 0..<rows { sb += Double(dy.scalars[r * outF + o]) }
            #expect(close(gb.scalars[o], sb))
            for i in 0..<inF {
                var s = 0.0
                for r in 0..<rows { s += Double(dy.scalars[r * outF + o]) * Double(x.scalars[r * inF + i]) }
                #expect(close(gw.scalars[o * inF + i], s))
            }
        }
    }

    @Test(arguments: Activation.allCases)
    func activationMatchesDoubleFormula(_ f: Activation) {
        let x = Tensor(shape: [201], scalars: (0..<201).map { Float($0 - 100) / 10 })
        let tape = Tape(recording: false)
        let y = tape.activation(tape.constant(x), f).value
        for (v, out) in zip(x.scalars.map(Double.init), y.scalars) {
            let expected: Double
            switch f {
            case .relu: expected = max(v, 0)
            case .silu: expected = v / (1 + exp(-v))
            case .gelu: expected = 0.5 * v * (1 + tanh((2 / Double.pi).squareRoot() * (v + 0.044715 * v * v * v)))
            case .softplus: expected = log(1 + exp(v))
            }
            #expect(abs(Double(out) - expected) <= 1e-5 * max(1, abs(expected)), "\(f) at \(v)")
        }
    }

    @Test func sinusoidalFeaturesMatchDoubleFormula() {
        let x = randomTensor([3, 2], seed: 26)
        let f: [Float] = [1, 2.5, 10]
        let tape = Tape(recording: false)
        let y = tape.sinusoidalFeatures(tape.constant(x), frequencies: f).value
        #expect(y.shape == [3, 12])
        for r in 0..<3 {
            for j in 0..<2 {
                for k in 0..<3 {
                    let a = Double(f[k]) * Double(x.scalars[r * 2 + j])
                    #expect(abs(Double(y.scalars[r * 12 + j * 6 + k]) - sin(a)) < 1e-5)
                    #expect(abs(Double(y.scalars[r * 12 + j * 6 + 3 + k]) - cos(a)) < 1e-5)
                }
            }
        }
    }

    @Test func broadcastReduceSumsOverStretchedAxes() {
        let g = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        #expect(Broadcast.reduce(g, to: [3]).scalars == [5, 7, 9])
        #expect(Broadcast.reduce(g, to: [2, 1]).scalars == [6, 15])
        #expect(Broadcast.reduce(g, to: []).scalars == [21])
    }

    @Test func fastExpIsAccurate() {
        for i in -2000...2000 {
            let x = Float(i) / 100
            let e = Double(fastExp(x)), r = exp(Double(x))
            #expect(abs(e - r) <= 3e-6 * r, "exp(\(x))")
        }
    }

    /// The 8-wide form gives the scalar's bits, past the clamp at both ends and for NaN.
    @Test func vectorFastExpEqualsTheScalar() {
        let values = (-1200...1200).map { Float($0) / 10 } + [-1e30, 1e30, -87, 88, 0, -0.0, .infinity, -.infinity]
        for start in stride(from: 0, to: values.count, by: 8) {
            var v = SIMD8<Float>(repeating: 1)
            for k in 0..<min(8, values.count - start) { v[k] = values[start + k] }
            let e = fastExp(v)
            for k in 0..<8 { #expect(e[k].bitPattern == fastExp(v[k]).bitPattern, "exp(\(v[k]))") }
        }
        #expect(fastExp(SIMD8<Float>(repeating: .nan))[0].isNaN && fastExp(Float.nan).isNaN)
    }
}

@Suite struct FastMathTests {
    @Test func fastSquareRootIsAccurate() {
        #expect(fastSquareRoot(0) == 0)
        var x: Float = 1e-30
        while x < 1e30 {
            let r = Double(x).squareRoot()
            #expect(abs(Double(fastSquareRoot(x)) - r) <= 1e-6 * r, "sqrt(\(x))")
            x *= 1.37
        }
    }
}
