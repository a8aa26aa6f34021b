import Engine
import Testing

/// The convolution on oneDNN against a direct Double implementation of PyTorch's Conv2d: the
/// forward pass element by element, and the tape's gradients against central differences of
/// the Double reference (the convolution is linear in each operand, so the differences are exact
/// up to rounding and the tolerance can be tight).
@Suite struct ConvolutionTests {
    /// y[n, o, i, j] = b[o] + Σ_{c, u, v} W[o, c, u, v] · x[n, c, i·s + u − p, j·s + v − p] (zero outside).
    static func reference(_ x: [Double], _ w: [Double], _ b: [Double]?, _ g: ConvolutionGeometry) -> [Double] {
        var y = [Double](repeating: 0, count: g.outputShape.reduce(1, *))
        for n in 0..<g.batch {
            for o in 0..<g.outChannels {
                for i in 0..<g.outHeight {
                    for j in 0..<g.outWidth {
                        var sum = b?[o] ?? 0
                        for c in 0..<g.inChannels {
                            for u in 0..<g.kernelHeight {
                                for v in 0..<g.kernelWidth {
                                    let (r, q) = (i * g.stride + u - g.padding, j * g.stride + v - g.padding)
                                    guard r >= 0 && r < g.height && q >= 0 && q < g.width else { continue }
                                    sum += w[((o * g.inChannels + c) * g.kernelHeight + u) * g.kernelWidth + v]
                                        * x[((n * g.inChannels + c) * g.height + r) * g.width + q]
                                }
                            }
                        }
                        y[((n * g.outChannels + o) * g.outHeight + i) * g.outWidth + j] = sum
                    }
                }
            }
        }
        return y
    }

    /// (input, weight, stride, padding): 3×3 with padding, stride 2 (even and odd sizes), 1×1,
    /// non-square inputs, channel counts that are not multiples of 8, one input channel.
    static let cases: [([Int], [Int], Int, Int)] = [
        ([2, 3, 5, 7], [4, 3, 3, 3], 1, 1),
        ([2, 3, 6, 5], [5, 3, 3, 3], 2, 1),
        ([1, 5, 7, 7], [3, 5, 3, 3], 2, 1),
        ([2, 6, 4, 3], [7, 6, 1, 1], 1, 0),
        ([3, 1, 6, 6], [2, 1, 3, 3], 1, 0),
    ]

    @Test(arguments: cases)
    func forwardMatchesDirectLoops(_ input: [Int], _ weight: [Int], _ stride: Int, _ padding: Int) throws {
        for hasBias in [true, false] {
            let g = ConvolutionGeometry(input: input, weight: weight, stride: stride, padding: padding, hasBias: hasBias)
            let x = randomTensor(input, seed: 1), w = randomTensor(weight, seed: 2), b = randomTensor([weight[0]], seed: 3)
            let tape = Tape(recording: false)
            let y = tape.conv2d(tape.constant(x), weight: tape.constant(w), bias: hasBias ? tape.constant(b) : nil, stride: stride, padding: padding)
            try tape.checkFailure()
            #expect(y.shape == g.outputShape)
            let want = Self.reference(x.scalars.map(Double.init), w.scalars.map(Double.init), hasBias ? b.scalars.map(Double.init) : nil, g)
            for (k, (got, expected)) in zip(y.value.scalars, want).enumerated() {
                #expect(abs(Double(got) - expected) <= 1e-5 * max(1, abs(expected)), "\(g) element \(k): \(got) vs \(expected)")
            }
        }
    }

    @Test(arguments: cases)
    func gradientsMatchCentralDifferencesOfTheReference(_ input: [Int], _ weight: [Int], _ stride: Int, _ padding: Int) throws {
        let g = ConvolutionGeometry(input: input, weight: weight, stride: stride, padding: padding, hasBias: true)
        let x = randomTensor(input, seed: 4), w = randomTensor(weight, seed: 5), b = randomTensor([weight[0]], seed: 6)
        let r = randomTensor(g.outputShape, seed: 7).scalars.map(Double.init)
        // L = Σ r ⊙ y on the tape, and in Double on the reference.
        let tape = Tape()
        let (xv, wv, bv) = (tape.input(x, requiresGradient: true), tape.input(w, requiresGradient: true), tape.input(b, requiresGradient: true))
        let y = tape.conv2d(xv, weight: wv, bias: bv, stride: stride, padding: padding)
        tape.backward(tape.sum(tape.multiply(y, tape.constant(Tensor(shape: g.outputShape, scalars: r.map(Float.init))))))
        try tape.checkFailure()
        var operands = [x.scalars.map(Double.init), w.scalars.map(Double.init), b.scalars.map(Double.init)]
        func loss() -> Double { zip(Self.reference(operands[0], operands[1], operands[2], g), r).map(*).reduce(0, +) }
        for (which, v) in [xv, wv, bv].enumerated() {
            let analytic = tape.gradient(of: v)!.scalars
            for k in analytic.indices {
                let h = 1e-3
                operands[which][k] += h
                let plus = loss()
                operands[which][k] -= 2 * h
                let minus = loss()
                operands[which][k] += h
                let numeric = (plus - minus) / (2 * h)
                #expect(abs(Double(analytic[k]) - numeric) <= 1e-4 * max(1, abs(numeric)), "\(g) operand \(which) element \(k): \(analytic[k]) vs \(numeric)")
            }
        }
    }

    /// The plan names the kernels oneDNN chose (they follow the CPU's instruction set).
    @Test func planNamesItsKernels() throws {
        let plan = try ConvolutionPlan.plan(ConvolutionGeometry(input: [2, 8, 6, 6], weight: [8, 8, 3, 3], stride: 1, padding: 1, hasBias: true))
        #expect(plan.implementations.count == 3 && plan.implementations.allSatisfy { !$0.isEmpty && $0 != "?" })
    }
}
