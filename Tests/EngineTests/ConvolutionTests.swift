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

    /// An NCHW tensor in `layout` (NHWC: channels last), and back (written here by index, not with
    /// the engine's `relayout`).
    static func arrange(_ t: Tensor, _ layout: ImageLayout) -> Tensor { move(t, layout, toNHWC: true) }
    static func nchw(_ t: Tensor, _ layout: ImageLayout) -> Tensor { move(t, layout, toNHWC: false) }

    static func move(_ t: Tensor, _ layout: ImageLayout, toNHWC: Bool) -> Tensor {
        guard layout == .nhwc else { return t }
        let (n, c, h, w) = toNHWC ? (t.shape[0], t.shape[1], t.shape[2], t.shape[3]) : (t.shape[0], t.shape[3], t.shape[1], t.shape[2])
        var out = Tensor(zeros: toNHWC ? [n, h, w, c] : [n, c, h, w])
        for i in 0..<n { for k in 0..<c { for y in 0..<h { for x in 0..<w {
            let (planar, last) = (((i * c + k) * h + y) * w + x, ((i * h + y) * w + x) * c + k)
            if toNHWC { out.scalars[last] = t.scalars[planar] } else { out.scalars[planar] = t.scalars[last] }
        } } } }
        return out
    }

    @Test(arguments: cases, [ImageLayout.nchw, .nhwc])
    func forwardMatchesDirectLoops(_ shapes: ([Int], [Int], Int, Int), _ layout: ImageLayout) throws {
        let (input, weight, stride, padding) = shapes
        for hasBias in [true, false] {
            let g = ConvolutionGeometry(input: input, weight: weight, stride: stride, padding: padding, hasBias: hasBias)
            let x = randomTensor(input, seed: 1), w = randomTensor(weight, seed: 2), b = randomTensor([weight[0]], seed: 3)
            let tape = Tape(recording: false)
            let y = tape.conv2d(
                tape.constant(Self.arrange(x, layout)), weight: tape.constant(w), bias: hasBias ? tape.constant(b) : nil, stride: stride, padding: padding,
                layout: layout)
            try tape.checkFailure()
            #expect(Self.nchw(y.value, layout).shape == g.outputShape)
            let want = Self.reference(x.scalars.map(Double.init), w.scalars.map(Double.init), hasBias ? b.scalars.map(Double.init) : nil, g)
            for (k, (got, expected)) in zip(Self.nchw(y.value, layout).scalars, want).enumerated() {
                #expect(abs(Double(got) - expected) <= 1e-5 * max(1, abs(expected)), "\(g) element \(k): \(got) vs \(expected)")
            }
        }
    }

    @Test(arguments: cases, [ImageLayout.nchw, .nhwc])
    func gradientsMatchCentralDifferencesOfTheReference(_ shapes: ([Int], [Int], Int, Int), _ layout: ImageLayout) throws {
        let (input, weight, stride, padding) = shapes
        let g = ConvolutionGeometry(input: input, weight: weight, stride: stride, padding: padding, hasBias: true)
        let x = randomTensor(input, seed: 4), w = randomTensor(weight, seed: 5), b = randomTensor([weight[0]], seed: 6)
        let r = randomTensor(g.outputShape, seed: 7).scalars.map(Double.init)
        // L = Σ r ⊙ y on the tape, and in Double on the reference.
        let tape = Tape()
        let (xv, wv, bv) = (
            tape.input(Self.arrange(x, layout), requiresGradient: true), tape.input(w, requiresGradient: true), tape.input(b, requiresGradient: true)
        )
        let y = tape.conv2d(xv, weight: wv, bias: bv, stride: stride, padding: padding, layout: layout)
        tape.backward(tape.sum(tape.multiply(y, tape.constant(Self.arrange(Tensor(shape: g.outputShape, scalars: r.map(Float.init)), layout)))))
        try tape.checkFailure()
        let operands = [x.scalars.map(Double.init), w.scalars.map(Double.init), b.scalars.map(Double.init)]
        let analytic = [Self.nchw(tape.gradient(of: xv)!, layout), tape.gradient(of: wv)!, tape.gradient(of: bv)!].map(\.scalars)
        expectGradients(analytic, of: operands, step: 1e-3, tolerance: 1e-4, "\(g)") { zip(Self.reference($0[0], $0[1], $0[2], g), r).map(*).reduce(0, +) }
    }

    /// The plan names the kernels oneDNN chose (they follow the CPU's instruction set).
    @Test func planNamesItsKernels() throws {
        let plan = try ConvolutionPlan.plan(ConvolutionGeometry(input: [2, 8, 6, 6], weight: [8, 8, 3, 3], stride: 1, padding: 1, hasBias: true))
        #expect(plan.implementations.count == 3 && plan.implementations.allSatisfy { !$0.isEmpty && $0 != "?" })
    }
}
