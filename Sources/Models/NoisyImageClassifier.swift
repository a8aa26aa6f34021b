import Engine
import Foundation
import NN
import Stats
import Training

/// A noise-conditional image classifier p_φ(y | x_t, t) for classifier guidance (Dhariwal &
/// Nichol 2021, §4.1, who use the U-Net's encoder; this is its small analogue): the feature
/// classifier's stack — per width a 3×3 convolution (stride 2 from the second width on), then a
/// second convolution at the last width — with the U-Net's time embedding (sinusoidal features →
/// Linear–SiLU–Linear) added per channel after every convolution, each → GroupNorm → SiLU; global
/// average pooling and a linear head give the logits. NCHW outside, NHWC inside.
public final class NoisyImageClassifier: ClassifierNetwork {
    /// The architecture.
    public struct Configuration: Codable, Sendable, Equatable {
        public var inputChannels: Int
        public var resolution: Int
        public var classes: Int
        public var widths = [32, 64, 128]
        public var groups = 8
        public var timeFeatures = 32
        public var timeEmbedding = 128

        public init(inputChannels: Int, resolution: Int, classes: Int) { (self.inputChannels, self.resolution, self.classes) = (inputChannels, resolution, classes) }
    }

    public let configuration: Configuration
    let timeFeatures: SinusoidalTimeEmbedding
    let temb0: Linear, temb2: Linear
    let convolutions: [Conv2d]
    let shifts: [Linear]
    let norms: [GroupNorm]
    let head: Linear

    public init(_ c: Configuration, seed: UInt64) throws {
        configuration = c
        let rng = GSLRandom(seed: seed, stream: .initialization)
        timeFeatures = SinusoidalTimeEmbedding(dimension: c.timeFeatures)
        temb0 = Linear(name: "temb.0", inFeatures: c.timeFeatures, outFeatures: c.timeEmbedding, rng: rng)
        temb2 = Linear(name: "temb.2", inFeatures: c.timeEmbedding, outFeatures: c.timeEmbedding, rng: rng)
        var convolutions: [Conv2d] = [], shifts: [Linear] = [], norms: [GroupNorm] = []
        var channels = c.inputChannels
        for (i, w) in (c.widths + [c.widths.last!]).enumerated() {
            let stride = i == 0 || i == c.widths.count ? 1 : 2
            convolutions.append(Conv2d(name: "conv.\(i)", inChannels: channels, outChannels: w, kernel: 3, stride: stride, padding: 1, rng: rng))
            shifts.append(Linear(name: "temb_proj.\(i)", inFeatures: c.timeEmbedding, outFeatures: w, rng: rng))
            norms.append(try GroupNorm(name: "norm.\(i)", groups: c.groups, channels: w))
            channels = w
        }
        (self.convolutions, self.shifts, self.norms) = (convolutions, shifts, norms)
        head = Linear(name: "head", inFeatures: channels, outFeatures: c.classes, rng: rng)
    }

    public var parameters: [Parameter] {
        temb0.parameters + temb2.parameters + zip(zip(convolutions, shifts), norms).flatMap { $0.0.parameters + $0.1.parameters + $1.parameters }
            + head.parameters
    }
    public var sampleShape: [Int] { [configuration.inputChannels, configuration.resolution, configuration.resolution] }
    public var classes: Int { configuration.classes }

    public func logits(_ x: Var, times: [Float]) -> Var {
        let tape = x.tape
        precondition(x.shape.count == 4 && Array(x.shape.dropFirst()) == sampleShape, "NoisyImageClassifier: expected [batch] + \(sampleShape), got \(x.shape)")
        let temb = tape.activation(temb2(tape.activation(temb0(tape.constant(timeFeatures(times))), .silu)), .silu)
        var h = tape.relayout(x, from: .nchw, to: .nhwc)
        for ((conv, shift), norm) in zip(zip(convolutions, shifts), norms) {
            h = norm(tape.addChannelShift(conv(h, layout: .nhwc), shift(temb), layout: .nhwc), activation: .silu, layout: .nhwc)
        }
        return head(tape.averagePositions(h, layout: .nhwc))
    }
}
