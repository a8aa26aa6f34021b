import Foundation
import Engine
import Testing

/// Group normalization against its formula, computed in Double group by group (NCHW indexing;
/// NHWC inputs are arranged from the same numbers), and its gradients against central
/// differences of that Double reference.
@Suite struct GroupNormTests {
    static func reference(
        _ x: [Double], _ gamma: [Double], _ beta: [Double], shape: [Int], groups: Int, epsilon: Double = 1e-5, silu: Bool = false
    ) -> [Double] {
        let (n, c, hw) = (shape[0], shape[1], shape[2] * shape[3])
        let per = c / groups
        var y = x
        for s in 0..<n {
            for k in 0..<groups {
                let indices = (k * per..<(k + 1) * per).flatMap { ch in (0..<hw).map { (s * c + ch) * hw + $0 } }
                let mean = indices.map { x[$0] }.reduce(0, +) / Double(indices.count)
                let variance = indices.map { (x[$0] - mean) * (x[$0] - mean) }.reduce(0, +) / Double(indices.count)
                for i in indices {
                    let ch = (i / hw) % c
                    let z = (x[i] - mean) / (variance + epsilon).squareRoot() * gamma[ch] + beta[ch]
                    y[i] = silu ? z / (1 + exp(-z)) : z
                }
            }
        }
        return y
    }

    /// γ = 1, β = 0 on inputs with a large mean (1000) and spread 3: every group of the output
    /// has mean 0 and variance 1 (to the ε term), computed here independently.
    @Test(arguments: [ImageLayout.nchw, .nhwc])
    func groupsHaveMeanZeroAndVarianceOne(_ layout: ImageLayout) throws {
        let shape = [2, 12, 5, 3], groups = 4
        var x = randomTensor(shape, seed: 11, scale: 3)
        x.scalars = x.scalars.enumerated().map { $0.element + 1000 + Float($0.offset % 7) }
        let tape = Tape(recording: false)
        let y = tape.groupNorm(
            tape.constant(ConvolutionTests.arrange(x, layout)), groups: groups, weight: tape.constant(Tensor(repeating: 1, shape: [12])),
            bias: tape.constant(Tensor(zeros: [12])), layout: layout)
        let out = ConvolutionTests.nchw(y.value, layout).scalars.map(Double.init)
        for s in 0..<2 {
            for k in 0..<groups {
                let values = (k * 3..<(k + 1) * 3).flatMap { ch in (0..<15).map { out[(s * 12 + ch) * 15 + $0] } }
                let mean = values.reduce(0, +) / Double(values.count)
                let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)
                #expect(abs(mean) < 1e-4, "sample \(s) group \(k): mean \(mean)")
                #expect(abs(variance - 1) < 1e-3, "sample \(s) group \(k): variance \(variance)")
            }
        }
    }

    /// GroupNorm alone and GroupNorm → SiLU fused into one op, in both layouts.
    @Test(arguments: [ImageLayout.nchw, .nhwc], [false, true])
    func forwardMatchesTheFormulaAndGradientsMatchCentralDifferences(_ layout: ImageLayout, silu: Bool) throws {
        let shape = [2, 6, 3, 4], groups = 3
        let x = randomTensor(shape, seed: 12, scale: 2), gamma = randomTensor([6], seed: 13), beta = randomTensor([6], seed: 14)
        let r = randomTensor(shape, seed: 15).scalars.map(Double.init)
        let tape = Tape()
        let (xv, gv, bv) = (
            tape.input(ConvolutionTests.arrange(x, layout), requiresGradient: true), tape.input(gamma, requiresGradient: true),
            tape.input(beta, requiresGradient: true)
        )
        let y = tape.groupNorm(xv, groups: groups, weight: gv, bias: bv, activation: silu ? .silu : nil, layout: layout)
        let operands = [x.scalars.map(Double.init), gamma.scalars.map(Double.init), beta.scalars.map(Double.init)]
        let want = Self.reference(operands[0], operands[1], operands[2], shape: shape, groups: groups, silu: silu)
        for (k, (got, expected)) in zip(ConvolutionTests.nchw(y.value, layout).scalars, want).enumerated() {
            #expect(abs(Double(got) - expected) <= 1e-5 * max(1, abs(expected)), "element \(k): \(got) vs \(expected)")
        }
        tape.backward(tape.sum(tape.multiply(y, tape.constant(ConvolutionTests.arrange(Tensor(shape: shape, scalars: r.map(Float.init)), layout)))))
        let analytic = [ConvolutionTests.nchw(tape.gradient(of: xv)!, layout), tape.gradient(of: gv)!, tape.gradient(of: bv)!].map(\.scalars)
        expectGradients(analytic, of: operands, step: 1e-4, tolerance: 1e-3, "groupNorm") {
            zip(Self.reference($0[0], $0[1], $0[2], shape: shape, groups: groups, silu: silu), r).map(*).reduce(0, +)
        }
    }

    /// The blocked layout, with groups that straddle channel blocks (three blocks in four groups),
    /// GroupNorm → SiLU: the formula, and all three gradients against central differences.
    @Test func blockedLayoutWithGroupsAcrossBlocks() throws {
        let c = 3 * ImageLayout.channelBlock, shape = [2, c, 3, 2], groups = 4
        let x = randomTensor(shape, seed: 16, scale: 2), gamma = randomTensor([c], seed: 17), beta = randomTensor([c], seed: 18)
        let r = randomTensor(shape, seed: 19).scalars.map(Double.init)
        let tape = Tape()
        let (xv, gv, bv) = (
            tape.input(ConvolutionTests.arrange(x, .blocked), requiresGradient: true), tape.input(gamma, requiresGradient: true),
            tape.input(beta, requiresGradient: true)
        )
        let y = tape.groupNorm(xv, groups: groups, weight: gv, bias: bv, activation: .silu, layout: .blocked)
        let operands = [x.scalars.map(Double.init), gamma.scalars.map(Double.init), beta.scalars.map(Double.init)]
        let want = Self.reference(operands[0], operands[1], operands[2], shape: shape, groups: groups, silu: true)
        for (k, (got, expected)) in zip(ConvolutionTests.nchw(y.value, .blocked).scalars, want).enumerated() {
            #expect(abs(Double(got) - expected) <= 1e-5 * max(1, abs(expected)), "element \(k): \(got) vs \(expected)")
        }
        tape.backward(tape.sum(tape.multiply(y, tape.constant(ConvolutionTests.arrange(Tensor(shape: shape, scalars: r.map(Float.init)), .blocked)))))
        let analytic = [ConvolutionTests.nchw(tape.gradient(of: xv)!, .blocked), tape.gradient(of: gv)!, tape.gradient(of: bv)!].map(\.scalars)
        expectGradients(analytic, of: operands, step: 1e-4, tolerance: 1e-3, "groupNorm blocked") {
            zip(Self.reference($0[0], $0[1], $0[2], shape: shape, groups: groups, silu: true), r).map(*).reduce(0, +)
        }
    }

    /// GroupNorm → SiLU in one op (8-wide rows: blocked, or NHWC with channels a multiple of 8)
    /// gives the same output bits as GroupNorm followed by the SiLU op, and the same gradients to
    /// rounding (the pullback recomputes z with per-channel coefficients of its own).
    @Test(arguments: [ImageLayout.nhwc, .blocked])
    func fusedSiLUEqualsGroupNormThenSiLU(_ layout: ImageLayout) throws {
        let c = 2 * ImageLayout.channelBlock, shape = [3, c, 5, 4], groups = 4
        let x = ConvolutionTests.arrange(randomTensor(shape, seed: 20, scale: 3), layout)
        let gamma = randomTensor([c], seed: 21), beta = randomTensor([c], seed: 22), r = randomTensor(x.shape, seed: 23)
        func run(fused: Bool) -> (Tensor, [Tensor]) {
            let tape = Tape()
            let (xv, gv, bv) = (tape.input(x, requiresGradient: true), tape.input(gamma, requiresGradient: true), tape.input(beta, requiresGradient: true))
            let y = fused
                ? tape.groupNorm(xv, groups: groups, weight: gv, bias: bv, activation: .silu, layout: layout)
                : tape.activation(tape.groupNorm(xv, groups: groups, weight: gv, bias: bv, layout: layout), .silu)
            tape.backward(tape.sum(tape.multiply(y, tape.constant(r))))
            return (y.value, [xv, gv, bv].map { tape.gradient(of: $0)! })
        }
        let (fused, separate) = (run(fused: true), run(fused: false))
        #expect(fused.0.scalars == separate.0.scalars)
        for (a, b) in zip(fused.1, separate.1) {
            let off = zip(a.scalars, b.scalars).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
            #expect(off < 1e-5, "gradient off by \(off)")
        }
    }

    /// A batch large enough to be split over threads gives the same bits on 1 and 2 threads
    /// (samples are independent; ∂γ and ∂β are summed in sample order), and matches the formula.
    @Test func oneAndTwoThreadsGiveIdenticalResults() throws {
        let shape = [16, 32, 16, 16], groups = 8  // NCHW; the op runs on its NHWC arrangement
        let x = randomTensor(shape, seed: 21, scale: 2), gamma = randomTensor([32], seed: 22), beta = randomTensor([32], seed: 23)
        let (xNHWC, seed) = (ConvolutionTests.arrange(x, .nhwc), ConvolutionTests.arrange(randomTensor(shape, seed: 24), .nhwc))
        func run(threads: Int) -> [Tensor] {
            BLAS.setThreads(threads)
            defer { BLAS.setThreads(1) }
            let tape = Tape()
            let (xv, gv, bv) = (tape.input(xNHWC, requiresGradient: true), tape.input(gamma, requiresGradient: true), tape.input(beta, requiresGradient: true))
            let y = tape.groupNorm(xv, groups: groups, weight: gv, bias: bv, activation: .silu, layout: .nhwc)
            tape.backward(y, seed: seed)
            return [y.value, tape.gradient(of: xv)!, tape.gradient(of: gv)!, tape.gradient(of: bv)!]
        }
        let (one, two) = (run(threads: 1), run(threads: 2))
        #expect(one == two)
        let want = Self.reference(
            x.scalars.map(Double.init), gamma.scalars.map(Double.init), beta.scalars.map(Double.init), shape: shape, groups: groups, silu: true)
        let worst = zip(ConvolutionTests.nchw(one[0], .nhwc).scalars, want).map { abs(Double($0) - $1) / max(1, abs($1)) }.max() ?? 0
        #expect(worst < 1e-5, "worst relative error \(worst)")
    }
}
