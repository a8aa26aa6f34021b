import Engine
import Testing

@Suite struct TapeTests {
    @Test func blasResolvesToBLISNotGSLReferenceBLAS() throws {
        let provider = try #require(BLAS.provider())
        #expect(provider.contains("blis"), "cblas_sgemm resolves to \(provider)")
        #expect(!provider.contains("gslcblas"))
    }

    @Test func nonRecordingTapeKeepsNoPullbacks() {
        let tape = Tape(recording: false)
        let x = tape.input(randomTensor([2, 2], seed: 1), requiresGradient: true)
        let y = tape.sum(tape.activation(x, .silu))
        #expect(!tape.needsGradient(x))
        #expect(!tape.needsGradient(y))
    }

    /// A non-recording tape keeps no values (each node holds its own, freed when the node goes), so
    /// the intermediates of a forward pass do not pile up; a recording tape keeps them for backward.
    @Test func onlyRecordingTapesKeepValues() {
        func chain(_ tape: Tape) -> (Var, Int) {
            var h = tape.constant(randomTensor([64, 32], seed: 1))
            for _ in 0..<5 { h = tape.activation(tape.add(h, h), .silu) }
            return (h, h.value.count)
        }
        let quiet = Tape(recording: false)
        let (y, n) = chain(quiet)
        #expect(quiet.keptScalarCount == 0 && y.value.count == n && y.shape == [64, 32])
        let recording = Tape()
        let (z, _) = chain(recording)
        #expect(recording.keptScalarCount == 11 * n && z.value.scalars == y.value.scalars)
    }

    @Test func parameterGradientsAccumulateIntoParameters() {
        let p = Parameter(name: "w", value: Tensor(shape: [2], scalars: [1, 2]))
        for _ in 0..<2 {
            let tape = Tape()
            let w = tape.parameter(p)
            tape.backward(tape.sum(tape.multiply(w, w)))
        }
        #expect(p.grad.scalars == [4, 8])  // 2 × 2w, accumulated over two backward passes
        p.zeroGrad()
        #expect(p.grad.scalars == [0, 0])
    }

    @Test func tapeIsFreedWhenItGoesOutOfScope() {
        weak var weakTape: Tape?
        do {
            let tape = Tape()
            weakTape = tape
            let x = tape.input(randomTensor([3, 3], seed: 2), requiresGradient: true)
            let y = tape.sum(tape.matmul(x, x))
            tape.backward(y)
        }
        #expect(weakTape == nil, "pullbacks must not retain their tape")
    }

    @Test func parameterFreedWithItsTape() {
        weak var weakParameter: Parameter?
        do {
            let p = Parameter(name: "w", value: randomTensor([2, 2], seed: 3))
            weakParameter = p
            let tape = Tape()
            tape.backward(tape.sum(tape.parameter(p)))
        }
        #expect(weakParameter == nil)
    }
}
