import Foundation
import Engine
import Testing

/// The attention and resampling ops of the U-Net: forward against their definitions, gradients
/// against central differences.
@Suite struct ImageOpTests {
    /// Channels for a test in `layout`: 3, or two whole blocks when blocked.
    static func channels(_ layout: ImageLayout) -> Int { layout == .blocked ? 2 * ImageLayout.channelBlock : 3 }

    @Test(arguments: [ImageLayout.nchw, .nhwc, .blocked])
    func upsamplingCopiesEachPixelToItsFourChildren(_ layout: ImageLayout) {
        let k = Self.channels(layout)
        let x = randomTensor([2, k, 2, 3], seed: 21)  // NCHW numbers
        let tape = Tape(recording: false)
        let y = ConvolutionTests.nchw(tape.upsampleNearest2x(tape.constant(ConvolutionTests.arrange(x, layout)), layout: layout).value, layout)
        #expect(y.shape == [2, k, 4, 6])
        for n in 0..<2 { for c in 0..<k { for i in 0..<4 { for j in 0..<6 {
            #expect(y.scalars[((n * k + c) * 4 + i) * 6 + j] == x.scalars[((n * k + c) * 2 + i / 2) * 3 + j / 2])
        } } } }
        checkGradient(ConvolutionTests.arrange(x, layout)) { t, v in weightedSum(t, t.upsampleNearest2x(v, layout: layout)) }
    }

    /// A per-image, per-channel value added at every position, in both layouts, against the
    /// definition, with gradients for both operands against central differences.
    @Test(arguments: [ImageLayout.nchw, .nhwc, .blocked])
    func channelShiftAddsOneValuePerImageAndChannel(_ layout: ImageLayout) {
        let k = Self.channels(layout)
        let x = randomTensor([2, k, 4, 5], seed: 26), shift = randomTensor([2, k], seed: 27)  // NCHW numbers
        let tape = Tape(recording: false)
        let y = ConvolutionTests.nchw(tape.addChannelShift(tape.constant(ConvolutionTests.arrange(x, layout)), tape.constant(shift), layout: layout).value, layout)
        for n in 0..<2 { for c in 0..<k { for p in 0..<20 {
            let i = (n * k + c) * 20 + p
            #expect(y.scalars[i] == x.scalars[i] + shift.scalars[n * k + c])
        } } }
        checkGradient(ConvolutionTests.arrange(x, layout)) { t, v in weightedSum(t, t.addChannelShift(v, t.constant(shift), layout: layout)) }
        checkGradient(shift) { t, v in weightedSum(t, t.addChannelShift(t.constant(ConvolutionTests.arrange(x, layout)), v, layout: layout)) }
    }

    /// Channel concatenation in every layout against the definition (image by image, the first
    /// part's channels then the second's), with gradients for both parts against central differences.
    @Test(arguments: [ImageLayout.nchw, .nhwc, .blocked])
    func channelConcatenationPutsThePartsSideBySide(_ layout: ImageLayout) {
        let (k1, k2) = layout == .blocked ? (ImageLayout.channelBlock, 2 * ImageLayout.channelBlock) : (2, 3)
        let a = randomTensor([2, k1, 3, 2], seed: 30), b = randomTensor([2, k2, 3, 2], seed: 31)  // NCHW numbers
        let tape = Tape(recording: false)
        let y = ConvolutionTests.nchw(
            tape.concatChannels([tape.constant(ConvolutionTests.arrange(a, layout)), tape.constant(ConvolutionTests.arrange(b, layout))], layout: layout).value,
            layout)
        #expect(y.shape == [2, k1 + k2, 3, 2])
        for n in 0..<2 { for c in 0..<(k1 + k2) { for p in 0..<6 {
            let want = c < k1 ? a.scalars[(n * k1 + c) * 6 + p] : b.scalars[(n * k2 + c - k1) * 6 + p]
            #expect(y.scalars[(n * (k1 + k2) + c) * 6 + p] == want)
        } } }
        let (pa, pb) = (ConvolutionTests.arrange(a, layout), ConvolutionTests.arrange(b, layout))
        checkGradient(pa) { t, v in weightedSum(t, t.concatChannels([v, t.constant(pb)], layout: layout)) }
        checkGradient(pb) { t, v in weightedSum(t, t.concatChannels([t.constant(pa), v], layout: layout)) }
    }

    /// The engine's relayout (oneDNN's reorder) between every pair of layouts against the
    /// arrangement written by index, and its gradient (the reverse move) against central differences.
    @Test func relayoutMovesBetweenEveryPairOfLayouts() {
        let x = randomTensor([2, 2 * ImageLayout.channelBlock, 3, 5], seed: 32)
        let layouts: [ImageLayout] = [.nchw, .nhwc, .blocked]
        for from in layouts {
            for to in layouts {
                let tape = Tape(recording: false)
                let y = tape.relayout(tape.constant(ConvolutionTests.arrange(x, from)), from: from, to: to).value
                #expect(y.shape == ConvolutionTests.arrange(x, to).shape && y.scalars == ConvolutionTests.arrange(x, to).scalars, "\(from) → \(to)")
            }
        }
        checkGradient(ConvolutionTests.arrange(x, .nhwc)) { t, v in weightedSum(t, t.relayout(v, from: .nhwc, to: .blocked)) }
    }

    /// A recorded tape is freed once its last user lets go: no op's pullback may hold the tape
    /// (a relayout that did leaked every training step's activations, 550 MB a W3 step).
    @Test func tapesAreFreedAfterUse() {
        weak var gone: Tape?
        do {
            let tape = Tape()
            let x = tape.input(randomTensor([1, 2 * ImageLayout.channelBlock, 4, 4], seed: 33), requiresGradient: true)
            var h = tape.relayout(x, from: .nchw, to: .blocked)
            h = tape.upsampleNearest2x(h, layout: .blocked)
            h = tape.concatChannels([h, h], layout: .blocked)
            h = tape.relayout(h, from: .blocked, to: .nhwc)
            tape.backward(weightedSum(tape, h))
            gone = tape
        }
        #expect(gone == nil)
    }

    /// Cross-entropy against −log softmax computed in Double (huge logits included) and its
    /// gradient against central differences.
    @Test func crossEntropyIsTheMeanNegativeLogSoftmaxOfTheLabel() {
        let z = randomTensor([3, 4], seed: 28, scale: 2), labels = [2, 0, 3]
        let tape = Tape(recording: false)
        let loss = tape.crossEntropy(tape.constant(z), labels: labels).value.scalar
        var want = 0.0
        for r in 0..<3 {
            let row = (0..<4).map { Double(z.scalars[r * 4 + $0]) }
            want += Foundation.log(row.map { Foundation.exp($0) }.reduce(0, +)) - row[labels[r]]
        }
        #expect(abs(Double(loss) - want / 3) < 1e-5)
        var big = z
        big.scalars = big.scalars.map { $0 + 1000 }
        #expect(abs(tape.crossEntropy(tape.constant(big), labels: labels).value.scalar - loss) < 1e-3)
        checkGradient(z, step: 1e-2, tolerance: 1e-2) { t, v in t.crossEntropy(v, labels: labels) }
    }

    @Test(arguments: [ImageLayout.nchw, .nhwc])
    func averagePositionsIsTheMeanPerImageAndChannel(_ layout: ImageLayout) {
        let x = randomTensor([2, 3, 4, 5], seed: 29)  // NCHW numbers
        let tape = Tape(recording: false)
        let y = tape.averagePositions(tape.constant(ConvolutionTests.arrange(x, layout)), layout: layout).value
        #expect(y.shape == [2, 3])
        for i in 0..<6 { #expect(abs(y.scalars[i] - x.scalars[(i * 20)..<((i + 1) * 20)].reduce(0, +) / 20) < 1e-6) }
        checkGradient(ConvolutionTests.arrange(x, layout)) { t, v in weightedSum(t, t.averagePositions(v, layout: layout)) }
    }

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func batchedMatmulIsAMatmulPerBatchElement(transposeA: Bool, transposeB: Bool) {
        let aShape = transposeA ? [3, 4, 2] : [3, 2, 4], bShape = transposeB ? [3, 5, 4] : [3, 4, 5]
        let a = randomTensor(aShape, seed: 22), b = randomTensor(bShape, seed: 23)
        let tape = Tape(recording: false)
        let c = tape.batchedMatmul(tape.constant(a), tape.constant(b), transposeA: transposeA, transposeB: transposeB).value
        #expect(c.shape == [3, 2, 5])
        for i in 0..<3 { for r in 0..<2 { for col in 0..<5 {
            var sum = 0.0
            for k in 0..<4 {
                let av = transposeA ? a.scalars[(i * 4 + k) * 2 + r] : a.scalars[(i * 2 + r) * 4 + k]
                let bv = transposeB ? b.scalars[(i * 5 + col) * 4 + k] : b.scalars[(i * 4 + k) * 5 + col]
                sum += Double(av) * Double(bv)
            }
            #expect(abs(Double(c.scalars[(i * 2 + r) * 5 + col]) - sum) < 1e-5)
        } } }
        checkGradient(a) { t, v in weightedSum(t, t.batchedMatmul(v, t.constant(b), transposeA: transposeA, transposeB: transposeB)) }
        checkGradient(b) { t, v in weightedSum(t, t.batchedMatmul(t.constant(a), v, transposeA: transposeA, transposeB: transposeB)) }
    }

    /// Rows sum to 1, huge scores do not overflow, and the gradient matches central differences.
    @Test func softmaxNormalizesRowsStablyAndItsGradientMatches() {
        let x = randomTensor([3, 5], seed: 24, scale: 2)
        var big = x
        big.scalars = big.scalars.map { $0 + 500 }
        let tape = Tape(recording: false)
        let (y, yBig) = (tape.softmaxLastAxis(tape.constant(x)).value, tape.softmaxLastAxis(tape.constant(big)).value)
        for r in 0..<3 {
            let row = (0..<5).map { Double(y.scalars[r * 5 + $0]) }
            #expect(abs(row.reduce(0, +) - 1) < 1e-6)
            let exps = (0..<5).map { Foundation.exp(Double(x.scalars[r * 5 + $0])) }
            for j in 0..<5 { #expect(abs(row[j] - exps[j] / exps.reduce(0, +)) < 1e-6) }
        }
        #expect(zip(y.scalars, yBig.scalars).allSatisfy { abs($0 - $1) < 1e-4 })
        checkGradient(x, step: 1e-2, tolerance: 2e-2) { t, v in weightedSum(t, t.softmaxLastAxis(v)) }
    }

    @Test func dropoutKeepsTheExpectationAndRoutesGradientsThroughKeptElements() {
        let x = randomTensor([4, 5], seed: 25)
        let keep = (0..<20).map { $0 % 3 != 0 }
        let tape = Tape()
        let v = tape.input(x, requiresGradient: true)
        let y = tape.dropout(v, probability: 0.25, keep: keep)
        tape.backward(tape.sum(y))
        for i in 0..<20 {
            #expect(abs(y.value.scalars[i] - (keep[i] ? x.scalars[i] / 0.75 : 0)) <= 1e-6 * abs(x.scalars[i]))
            #expect(abs(tape.gradient(of: v)!.scalars[i] - (keep[i] ? 1 / 0.75 : 0)) <= 1e-6)
        }
    }
}
