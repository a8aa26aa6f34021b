import Engine
import NN
import Stats
import Testing

@Suite struct ConvolutionLayerTests {
    /// PyTorch's names, shapes and default bounds (1/√(in·k²)); zero initialization is all zeros;
    /// the layer's output equals the tape op with its parameters.
    @Test func conv2dHasPyTorchNamesShapesAndInitialization() throws {
        let conv = Conv2d(name: "down.0.c1", inChannels: 4, outChannels: 6, kernel: 3, padding: 1, rng: GSLRandom(seed: 1))
        #expect(conv.parameters.map(\.name) == ["down.0.c1.weight", "down.0.c1.bias"])
        #expect(conv.weight.value.shape == [6, 4, 3, 3] && conv.bias.value.shape == [6])
        let bound = Float(1 / 36.0.squareRoot())
        #expect(conv.weight.value.scalars.allSatisfy { abs($0) <= bound } && conv.bias.value.scalars.allSatisfy { abs($0) <= bound })
        #expect(conv.weight.value.scalars.map(abs).max()! > 0.8 * bound)  // uses the whole range
        let zero = Conv2d(name: "c2", inChannels: 4, outChannels: 6, kernel: 3, zeroInitialized: true, rng: GSLRandom(seed: 1))
        #expect((zero.weight.value.scalars + zero.bias.value.scalars).allSatisfy { $0 == 0 })
        let tape = Tape(recording: false)
        let x = tape.constant(Tensor(shape: [2, 5, 5, 4], scalars: (0..<200).map { Float($0 % 13) / 13 }))
        let y = conv(x, layout: .nhwc)
        let direct = tape.conv2d(x, weight: tape.constant(conv.weight.value), bias: tape.constant(conv.bias.value), padding: 1, layout: .nhwc)
        #expect(y.shape == [2, 5, 5, 6] && y.value.scalars == direct.value.scalars)
    }

    @Test func groupNormRefusesChannelsThatDoNotSplitNamingTheLayer() {
        #expect(throws: NNError.self) { try GroupNorm(name: "mid1.n1", groups: 8, channels: 12) }
        do {
            _ = try GroupNorm(name: "mid1.n1", groups: 8, channels: 12)
        } catch {
            #expect("\(error)".contains("mid1.n1") && "\(error)".contains("12 channels"))
        }
        let norm = try? GroupNorm(name: "n", groups: 8, channels: 32)
        #expect(norm?.parameters.map(\.name) == ["n.weight", "n.bias"])
    }
}
