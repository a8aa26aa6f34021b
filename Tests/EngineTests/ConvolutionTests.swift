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

    /// An NCHW tensor in `layout` (NHWC: channels last; blocked: [n, c/b, h, w, b]), and back
    /// (written here by index, not with the engine's `relayout`).
    static func arrange(_ t: Tensor, _ layout: ImageLayout) -> Tensor { move(t, layout, toLayout: true) }
    static func nchw(_ t: Tensor, _ layout: ImageLayout) -> Tensor { move(t, layout, toLayout: false) }

    static func move(_ t: Tensor, _ layout: ImageLayout, toLayout: Bool) -> Tensor {
        guard layout != .nchw else { return t }
        let (n, c, h, w) = toLayout ? (t.shape[0], t.shape[1], t.shape[2], t.shape[3]) : layout.dimensions(t.shape)
        let b = ImageLayout.channelBlock
        var out = Tensor(zeros: toLayout ? layout.shape(batch: n, channels: c, height: h, width: w) : [n, c, h, w])
        for i in 0..<n { for k in 0..<c { for y in 0..<h { for x in 0..<w {
            let planar = ((i * c + k) * h + y) * w + x
            let inner = layout == .nhwc ? ((i * h + y) * w + x) * c + k : (((i * (c / b) + k / b) * h + y) * w + x) * b + k % b
            if toLayout { out.scalars[inner] = t.scalars[planar] } else { out.scalars[planar] = t.scalars[inner] }
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

    /// Blocked geometries in whole blocks of b: 3×3 stride 1 (Winograd where oneDNN has it), 3×3
    /// stride 2 on an odd size, 1×1, non-square.
    static var blockedCases: [([Int], [Int], Int, Int)] {
        let b = ImageLayout.channelBlock
        return [([2, b, 5, 7], [b, b, 3, 3], 1, 1), ([1, 2 * b, 7, 7], [b, 2 * b, 3, 3], 2, 1), ([2, 2 * b, 4, 3], [b, 2 * b, 1, 1], 1, 0)]
    }

    /// oneDNN offers a channel block on every CPU toy builds for (AVX2 or AVX-512).
    @Test func theCPUHasAChannelBlock() { #expect([8, 16].contains(ImageLayout.channelBlock)) }

    /// On blocked activations, both algorithms: the forward pass against the Double loops, and
    /// both gradients against the NCHW plan's (themselves checked against central differences).
    @Test(arguments: [ConvolutionAlgorithm.direct, .winograd])
    func blockedLayoutMatchesTheReference(_ algorithm: ConvolutionAlgorithm) throws {
        for (input, weight, stride, padding) in Self.blockedCases {
            let g = ConvolutionGeometry(input: input, weight: weight, stride: stride, padding: padding, hasBias: true)
            var blocked = g
            blocked.layout = .blocked
            let x = randomTensor(input, seed: 11), w = randomTensor(weight, seed: 12), b = randomTensor([weight[0]], seed: 13)
            let plan = try ConvolutionPlan.plan(
                ConvolutionGeometry(input: Self.arrange(x, .blocked).shape, weight: weight, stride: stride, padding: padding, hasBias: true, layout: .blocked),
                algorithm: algorithm)
            let y = Self.nchw(try plan.forward(Self.arrange(x, .blocked), weight: w, bias: b), .blocked)
            let want = Self.reference(x.scalars.map(Double.init), w.scalars.map(Double.init), b.scalars.map(Double.init), g)
            let worst = zip(y.scalars, want).map { abs(Double($0) - $1) / max(1, abs($1)) }.max() ?? 0
            // Winograd's transforms add rounding: measured worst 1.4e-5 of max(1, |y|) here (direct:
            // below 1e-6); a wrong transform or index is off by order 1.
            let tolerance = plan.implementations[0].contains("wino") ? 5e-5 : 1e-5
            #expect(worst <= tolerance, "\(algorithm) \(g) [\(plan.implementations[0])]: forward off by \(worst)")
            let dy = randomTensor(g.outputShape, seed: 14)
            let reference = try ConvolutionPlan.plan(g, algorithm: .direct)
            let dx = Self.nchw(try plan.inputGradient(Self.arrange(dy, .blocked), weight: w), .blocked)
            let (dw, db) = try plan.weightGradient(Self.arrange(x, .blocked), Self.arrange(dy, .blocked))
            let (dwRef, dbRef) = try reference.weightGradient(x, dy)
            for (name, got, expected) in [
                ("∂x", dx, try reference.inputGradient(dy, weight: w)), ("∂W", dw, dwRef), ("∂b", db!, dbRef!),
            ] {
                let off = zip(got.scalars, expected.scalars).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
                #expect(got.shape == expected.shape && off <= 1e-4, "\(algorithm) \(g) [\(plan.implementations)]: \(name) off by \(off)")
            }
        }
    }

    /// Winograd is what the blocked 3×3 stride-1 plan runs where oneDNN has it (AVX-512), and
    /// never on NHWC.
    @Test func winogradRunsOnBlockedThreeByThreeOnly() throws {
        let b = ImageLayout.channelBlock
        let blocked = try ConvolutionPlan.plan(
            ConvolutionGeometry(input: [2, 2, 6, 6, b], weight: [2 * b, 2 * b, 3, 3], stride: 1, padding: 1, hasBias: true, layout: .blocked),
            algorithm: .winograd)
        let nhwc = try ConvolutionPlan.plan(
            ConvolutionGeometry(input: [2, 6, 6, 2 * b], weight: [2 * b, 2 * b, 3, 3], stride: 1, padding: 1, hasBias: true, layout: .nhwc),
            algorithm: .winograd)
        #expect(!nhwc.implementations.contains { $0.contains("wino") })
        #expect(!blocked.implementations[2].contains("wino"), "weight gradients stay direct")
        if b == 16 { #expect(blocked.implementations[0].contains("wino"), "\(blocked.implementations)") }
    }

    /// The plan names the kernels oneDNN chose (they follow the CPU's instruction set).
    @Test func planNamesItsKernels() throws {
        let plan = try ConvolutionPlan.plan(ConvolutionGeometry(input: [2, 8, 6, 6], weight: [8, 8, 3, 3], stride: 1, padding: 1, hasBias: true))
        #expect(plan.implementations.count == 3 && plan.implementations.allSatisfy { !$0.isEmpty && $0 != "?" })
    }
}
