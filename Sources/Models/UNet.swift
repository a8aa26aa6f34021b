import Engine
import Foundation
import NN
import Stats
import Training

/// The shape of a U-Net: channels per level (base · multipliers), residual blocks per level,
/// the resolutions that get self-attention, GroupNorm groups, dropout, input channels and
/// resolution, the time embedding, and the classes of a conditional network (0: unconditional).
public struct UNetConfiguration: Codable, Sendable, Equatable {
    public var inputChannels = 1
    public var resolution = 28
    public var baseChannels = 32
    public var multipliers = [1, 2, 2]
    public var blocksPerLevel = 2
    /// Resolutions whose level ends with self-attention (and the middle block always has one).
    public var attentionResolutions = [7]
    /// Attention heads: each attends over the positions with C/heads of the channels.
    public var heads = 1
    public var groups = 8
    public var dropout: Float = 0
    /// Sinusoidal features of t, and the width of the embedding MLP's output.
    public var timeFeatures = 32
    public var timeEmbedding = 128
    public var classes = 0

    public init() {}

    /// The resolution of each level (halved between levels).
    public var levelResolutions: [Int] { multipliers.indices.map { resolution >> $0 } }

    /// Checks that the levels can halve the resolution and the channels split into the groups.
    public func validate() throws {
        let halvings = multipliers.count - 1
        guard resolution >= 1 << halvings, resolution % (1 << halvings) == 0 else {
            let fits = (1...8).map { $0 * (1 << halvings) }.map(String.init).joined(separator: ", ")
            throw UNetError.resolution(resolution, levels: multipliers.count, fits: fits)
        }
        guard inputChannels >= 1, baseChannels >= 1, blocksPerLevel >= 1, !multipliers.isEmpty, multipliers.allSatisfy({ $0 >= 1 }) else {
            throw UNetError.invalid("U-Net: channels, multipliers and blocks per level must be positive")
        }
        guard heads >= 1 else { throw UNetError.invalid("U-Net: heads must be at least 1, got \(heads)") }
        let channels = [baseChannels] + multipliers.map { $0 * baseChannels }
        guard groups >= 1, channels.allSatisfy({ $0 % groups == 0 }) else {
            throw UNetError.invalid("U-Net: --groups \(groups) must divide the channels of every level (\(channels.map(String.init).joined(separator: ", ")))")
        }
        // Attention at the chosen levels and in the middle block (the lowest level's channels).
        let attended = multipliers.indices.filter { attentionResolutions.contains(levelResolutions[$0]) || $0 == multipliers.count - 1 }
        if let bad = attended.map({ multipliers[$0] * baseChannels }).first(where: { $0 % heads != 0 }) {
            throw UNetError.invalid("U-Net: --heads \(heads) must divide the \(bad) channels of an attention layer")
        }
        guard dropout >= 0 && dropout < 1 else { throw UNetError.invalid("U-Net: dropout must be in [0, 1), got \(dropout)") }
    }
}

/// Errors of the U-Net's configuration.
public enum UNetError: Error, CustomStringConvertible {
    case resolution(Int, levels: Int, fits: String)
    case invalid(String)
    public var description: String {
        switch self {
        case .resolution(let r, let levels, let fits):
            "U-Net: resolution \(r) cannot be halved \(levels - 1) times into whole sizes; sizes that fit \(levels) levels: \(fits), …"
        case .invalid(let s): s
        }
    }
}

/// A residual block (Ho et al. 2020, with the GroupNorm–SiLU–conv order of Nichol & Dhariwal 2021):
/// h = conv₁(SiLU(GN(x))) + W_t·SiLU(temb); h = conv₂(dropout(SiLU(GN(h)))); out = skip(x) + h,
/// skip a 1×1 convolution when the channels change. conv₂ starts at zero, so the block starts as
/// the identity. PyTorch names: n1, c1, tp, n2, c2, skip.
final class ResidualBlock: Module {
    let n1: GroupNorm, c1: Conv2d, tp: Linear, n2: GroupNorm, c2: Conv2d
    let skip: Conv2d?
    let dropout: Float

    init(name: String, inChannels: Int, outChannels: Int, c: UNetConfiguration, rng: some RandomSource) throws {
        n1 = try GroupNorm(name: "\(name).n1", groups: c.groups, channels: inChannels)
        c1 = Conv2d(name: "\(name).c1", inChannels: inChannels, outChannels: outChannels, kernel: 3, padding: 1, rng: rng)
        tp = Linear(name: "\(name).tp", inFeatures: c.timeEmbedding, outFeatures: outChannels, rng: rng)
        n2 = try GroupNorm(name: "\(name).n2", groups: c.groups, channels: outChannels)
        c2 = Conv2d(name: "\(name).c2", inChannels: outChannels, outChannels: outChannels, kernel: 3, padding: 1, zeroInitialized: true, rng: rng)
        skip = inChannels == outChannels ? nil : Conv2d(name: "\(name).skip", inChannels: inChannels, outChannels: outChannels, kernel: 1, rng: rng)
        dropout = c.dropout
    }

    var parameters: [Parameter] { n1.parameters + c1.parameters + tp.parameters + n2.parameters + c2.parameters + (skip?.parameters ?? []) }

    /// x [b, c, h, w] in `layout` (NHWC or blocked), temb [b, e] (already through SiLU) → out channels.
    func callAsFunction(_ x: Var, _ temb: Var, random: GSLRandom, layout: ImageLayout) -> Var {
        let t = x.tape
        var h = c1(n1(x, activation: .silu, layout: layout), layout: layout)
        h = t.addChannelShift(h, tp(temb), layout: layout)
        h = n2(h, activation: .silu, layout: layout)
        if dropout > 0 && t.isRecording {
            h = t.dropout(h, probability: dropout, keep: (0..<h.value.count).map { _ in random.uniform() >= Double(dropout) })
        }
        h = c2(h, layout: layout)
        return t.add(skip.map { $0(x, layout: layout) } ?? x, h)
    }
}

/// Multi-head self-attention over the H·W positions (Ho et al. 2020; Vaswani et al. 2017 for the
/// heads): n = GN(x); q, k, v from one 1×1 convolution to 3C channels; per head h of d = C/heads
/// channels, w_h = softmax(q_h·k_hᵀ/√d) over positions and o_h = w_h·v_h; out = x + conv₁ₓ₁([o_1 … o_H]).
/// One head is the W3 module's attention. PyTorch names: n, qkv, o.
public final class Attention: Module {
    public let n: GroupNorm, qkv: Conv2d, o: Conv2d
    public let heads: Int

    public init(name: String, channels: Int, heads: Int, groups: Int, rng: some RandomSource) throws {
        guard heads >= 1, channels % heads == 0 else {
            throw UNetError.invalid("U-Net: attention \(name) has \(channels) channels, which do not split into \(heads) heads")
        }
        n = try GroupNorm(name: "\(name).n", groups: groups, channels: channels)
        qkv = Conv2d(name: "\(name).qkv", inChannels: channels, outChannels: 3 * channels, kernel: 1, rng: rng)
        o = Conv2d(name: "\(name).o", inChannels: channels, outChannels: channels, kernel: 1, rng: rng)
        self.heads = heads
    }

    public var parameters: [Parameter] { n.parameters + qkv.parameters + o.parameters }

    /// x [b, c, h, w] in `layout` → the same shape. Positions are rows of channels, so blocked
    /// input is moved to NHWC and back.
    public func callAsFunction(_ input: Var, layout: ImageLayout = .nhwc) -> Var {
        let t = input.tape
        let x = t.relayout(input, from: layout, to: .nhwc)
        let (b, hgt, wid, c) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let d = c / heads
        let tokens = t.reshape(qkv(n(x, layout: .nhwc), layout: .nhwc), [b, hgt * wid, 3 * c])
        let outputs = (0..<heads).map { h in
            let (q, k, v) = (
                t.sliceLastAxis(tokens, (h * d)..<((h + 1) * d)), t.sliceLastAxis(tokens, (c + h * d)..<(c + (h + 1) * d)),
                t.sliceLastAxis(tokens, (2 * c + h * d)..<(2 * c + (h + 1) * d))
            )
            let weights = t.softmaxLastAxis(t.scale(t.batchedMatmul(q, k, transposeB: true), by: 1 / Float(d).squareRoot()))
            return t.batchedMatmul(weights, v)
        }
        let h = t.reshape(heads == 1 ? outputs[0] : t.concatLastAxis(outputs), [b, hgt, wid, c])
        return t.relayout(t.add(x, o(h, layout: .nhwc)), from: .nhwc, to: layout)
    }
}

/// The denoising U-Net of Ho et al. (2020) with the blocks of Nichol & Dhariwal (2021), laid out
/// exactly as the PyTorch module of the W3 benchmark (`../shared/bench/w3_unet28_train.py`), so a
/// checkpoint's names and shapes load there: sinusoidal time features → Linear–SiLU–Linear
/// (`temb.0`, `temb.2`); `conv_in`; per level `blocksPerLevel` residual blocks, attention after
/// the last one at the attention resolutions, a stride-2 convolution between levels (`down.i`);
/// a middle block (`mid1`, `mid_attn`, `mid2`); per level, from the smallest, `blocksPerLevel + 1`
/// residual blocks on the channel concatenation with the down path's saved activations and a
/// nearest-×2 upsampling convolution between levels (`up.i`); GroupNorm–SiLU–`conv_out` (zero at
/// the start). Public input and output NCHW [b, c, h, w]; inside, activations stay in oneDNN's
/// channel-blocked layout when every level's channels fill whole blocks (its convolutions need no
/// reorders there, and 3×3 ones run as Winograd where oneDNN has it), NHWC otherwise. A
/// conditional network adds a learned label embedding (a row for ∅) to the time embedding.
public final class UNet: Denoiser {
    public let configuration: UNetConfiguration
    let timeFeatures: SinusoidalTimeEmbedding
    let temb0: Linear, temb2: Linear
    let convIn: Conv2d
    /// The down path in the PyTorch module's order: residual blocks, attention and downsampling.
    let down: [DownStep]
    let mid1: ResidualBlock, midAttention: Attention, mid2: ResidualBlock
    let up: [UpStep]
    let normOut: GroupNorm, convOut: Conv2d
    let labelEmbedding: Embedding?
    let seed: UInt64
    /// The dropout draws of training steps (dropout is off on non-recording tapes).
    let dropoutRandom: GSLRandom
    /// The layout of the activations inside (`.blocked` or `.nhwc`).
    public let layout: ImageLayout

    enum DownStep { case block(ResidualBlock), attention(Attention), downsample(Conv2d) }
    enum UpStep { case block(ResidualBlock), upsample(Conv2d) }

    /// A U-Net of configuration `c` whose parameters are drawn from `seed`; `layout` forces the
    /// inner layout (nil: blocked when every level's channels fill whole blocks, else NHWC).
    public init(_ c: UNetConfiguration, seed: UInt64, layout: ImageLayout? = nil) throws {
        try c.validate()
        configuration = c
        self.seed = seed
        let blocked = c.multipliers.allSatisfy { ImageLayout.blocked.holds(channels: $0 * c.baseChannels) }
        guard layout != .nchw && (layout != .blocked || blocked) else {
            throw UNetError.invalid(
                "U-Net: activations cannot take the \(layout!.rawValue) layout inside (blocked needs every level's channels in whole blocks of \(ImageLayout.channelBlock); NCHW is the outside layout)")
        }
        self.layout = layout ?? (blocked ? .blocked : .nhwc)
        let rng = GSLRandom(seed: seed, stream: .initialization)
        dropoutRandom = GSLRandom(seed: splitMix64(seed ^ 0xD809), stream: .noise)
        timeFeatures = SinusoidalTimeEmbedding(dimension: c.timeFeatures)
        temb0 = Linear(name: "temb.0", inFeatures: c.timeFeatures, outFeatures: c.timeEmbedding, rng: rng)
        temb2 = Linear(name: "temb.2", inFeatures: c.timeEmbedding, outFeatures: c.timeEmbedding, rng: rng)
        convIn = Conv2d(name: "conv_in", inChannels: c.inputChannels, outChannels: c.baseChannels, kernel: 3, padding: 1, rng: rng)
        let channels = c.multipliers.map { $0 * c.baseChannels }
        var down: [DownStep] = []
        var skips = [c.baseChannels]
        var ch = c.baseChannels
        for (level, out) in channels.enumerated() {
            let attend = c.attentionResolutions.contains(c.levelResolutions[level])
            for i in 0..<c.blocksPerLevel {
                down.append(.block(try ResidualBlock(name: "down.\(down.count)", inChannels: ch, outChannels: out, c: c, rng: rng)))
                ch = out
                if attend && i == c.blocksPerLevel - 1 { down.append(.attention(try Attention(name: "down.\(down.count)", channels: ch, heads: c.heads, groups: c.groups, rng: rng))) }
                skips.append(ch)
            }
            if level != channels.count - 1 {
                down.append(.downsample(Conv2d(name: "down.\(down.count).c", inChannels: ch, outChannels: ch, kernel: 3, stride: 2, padding: 1, rng: rng)))
                skips.append(ch)
            }
        }
        self.down = down
        mid1 = try ResidualBlock(name: "mid1", inChannels: ch, outChannels: ch, c: c, rng: rng)
        midAttention = try Attention(name: "mid_attn", channels: ch, heads: c.heads, groups: c.groups, rng: rng)
        mid2 = try ResidualBlock(name: "mid2", inChannels: ch, outChannels: ch, c: c, rng: rng)
        var up: [UpStep] = []
        for level in channels.indices.reversed() {
            for _ in 0...c.blocksPerLevel {
                up.append(.block(try ResidualBlock(name: "up.\(up.count)", inChannels: ch + skips.removeLast(), outChannels: channels[level], c: c, rng: rng)))
                ch = channels[level]
            }
            if level != 0 { up.append(.upsample(Conv2d(name: "up.\(up.count).c", inChannels: ch, outChannels: ch, kernel: 3, padding: 1, rng: rng))) }
        }
        self.up = up
        normOut = try GroupNorm(name: "n_out", groups: c.groups, channels: ch)
        convOut = Conv2d(name: "conv_out", inChannels: ch, outChannels: c.inputChannels, kernel: 3, padding: 1, zeroInitialized: true, rng: rng)
        labelEmbedding = c.classes > 0 ? Embedding(name: "label_embedding", count: c.classes + 1, width: c.timeEmbedding, rng: rng) : nil
    }

    public var parameters: [Parameter] {
        var p = temb0.parameters + temb2.parameters + convIn.parameters
        for step in down {
            switch step {
            case .block(let b): p += b.parameters
            case .attention(let a): p += a.parameters
            case .downsample(let d): p += d.parameters
            }
        }
        p += mid1.parameters + midAttention.parameters + mid2.parameters
        for step in up {
            switch step {
            case .block(let b): p += b.parameters
            case .upsample(let u): p += u.parameters
            }
        }
        return p + normOut.parameters + convOut.parameters + (labelEmbedding?.parameters ?? [])
    }

    public var sampleShape: [Int] { [configuration.inputChannels, configuration.resolution, configuration.resolution] }
    public var classes: Int { configuration.classes }
    public func makeSibling() -> UNet { try! UNet(configuration, seed: seed, layout: layout) }  // the configuration was validated by init
    /// One: oneDNN's convolutions split the whole batch over the threads themselves (two tapes would
    /// take turns on the same convolution plans, each on half a batch).
    public var trainingShards: Int { 1 }
    /// Dropout's masks come from one generator, drawn on the training thread (one shard).
    public var randomStreams: [String: GSLRandom] { ["dropout": dropoutRandom] }
    /// 100 rows at a time: sampling 500 Fashion-MNIST images took 5 ms per image and step in one
    /// batch and 2.2 ms in batches of 100 (Plots/image-recipe, Plots/image-samplers).
    public var evaluationChunk: Int? { 100 }

    /// x [b, c, h, w] (NCHW) at `times` (one per image), labels (nil = ∅) → [b, c, h, w].
    public func callAsFunction(_ x: Var, times: [Float], labels: [Int]?) -> Var {
        let t = x.tape
        precondition(x.shape == [x.shape[0]] + sampleShape, "UNet: expected x of shape [batch, \(sampleShape)], got \(x.shape)")
        precondition(times.count == x.shape[0], "UNet: \(times.count) times for \(x.shape[0]) images")
        var temb = temb2(t.activation(temb0(t.constant(timeFeatures(times))), .silu))
        if let labelEmbedding {
            let indices = labels ?? [Int](repeating: nullLabel, count: times.count)
            temb = t.add(temb, labelEmbedding(indices, on: t))
        }
        let tembSiLU = t.activation(temb, .silu)
        let layout = self.layout
        // The first and last convolutions run on NHWC (oneDNN's fast kernels for 1 or 3 channels).
        var h = t.relayout(convIn(t.relayout(x, from: .nchw, to: .nhwc), layout: .nhwc), from: .nhwc, to: layout)
        var saved = [h]
        for (i, step) in down.enumerated() {
            switch step {
            case .block(let b):
                h = b(h, tembSiLU, random: dropoutRandom, layout: layout)
                if i + 1 >= down.count || !(down[i + 1].isAttention) { saved.append(h) }
            case .attention(let a):
                h = a(h, layout: layout)
                saved.append(h)
            case .downsample(let d):
                h = d(h, layout: layout)
                saved.append(h)
            }
        }
        h = mid1(h, tembSiLU, random: dropoutRandom, layout: layout)
        h = mid2(midAttention(h, layout: layout), tembSiLU, random: dropoutRandom, layout: layout)
        for step in up {
            switch step {
            case .block(let b): h = b(t.concatChannels([h, saved.removeLast()], layout: layout), tembSiLU, random: dropoutRandom, layout: layout)
            case .upsample(let u): h = u(t.upsampleNearest2x(h, layout: layout), layout: layout)
            }
        }
        h = convOut(t.relayout(normOut(h, activation: .silu, layout: layout), from: layout, to: .nhwc), layout: .nhwc)
        return t.relayout(h, from: .nhwc, to: .nchw)
    }
}

extension UNet.DownStep {
    var isAttention: Bool {
        if case .attention = self { return true }
        return false
    }
}
