import Engine
import Stats

/// A 2-D convolution layer y = x ⋆ W + b, W [out, in, k, k], b [out] (PyTorch's nn.Conv2d layout
/// and default initialization: W, b ~ U(−1/√fan_in, 1/√fan_in), fan_in = in·k², He et al. 2015
/// with a = √5), or all zeros (`zeroInitialized`, the last convolution of a residual block and the
/// output convolution in Ho et al. 2020). Activations in `layout` (the U-Net keeps oneDNN's blocked layout, or NHWC).
public final class Conv2d: Module {
    public let weight: Parameter
    public let bias: Parameter
    public let stride: Int
    public let padding: Int

    public init(
        name: String, inChannels: Int, outChannels: Int, kernel: Int, stride: Int = 1, padding: Int = 0, zeroInitialized: Bool = false,
        rng: some RandomSource
    ) {
        precondition(inChannels > 0 && outChannels > 0 && kernel > 0, "Conv2d \(name): need positive sizes, got \(inChannels)->\(outChannels), kernel \(kernel)")
        let bound = 1 / Double(inChannels * kernel * kernel).squareRoot()
        func draw(_ n: Int) -> [Float] { (0..<n).map { _ in zeroInitialized ? 0 : Float((2 * rng.uniform() - 1) * bound) } }
        let count = outChannels * inChannels * kernel * kernel
        weight = Parameter(name: "\(name).weight", value: Tensor(shape: [outChannels, inChannels, kernel, kernel], scalars: draw(count)))
        bias = Parameter(name: "\(name).bias", value: Tensor(shape: [outChannels], scalars: draw(outChannels)))
        (self.stride, self.padding) = (stride, padding)
    }

    public var parameters: [Parameter] { [weight, bias] }
    public var inChannels: Int { weight.value.shape[1] }
    public var outChannels: Int { weight.value.shape[0] }

    public func callAsFunction(_ x: Var, layout: ImageLayout) -> Var {
        x.tape.conv2d(x, weight: x.tape.parameter(weight), bias: x.tape.parameter(bias), stride: stride, padding: padding, layout: layout)
    }
}

/// Group normalization with per-channel affine γ (ones) and β (zeros), PyTorch's nn.GroupNorm
/// (`weight`, `bias`; ε = 1e-5). The channel count must split into the groups; the error names the layer.
public final class GroupNorm: Module {
    public let weight: Parameter
    public let bias: Parameter
    public let groups: Int
    public let epsilon: Float

    public init(name: String, groups: Int, channels: Int, epsilon: Float = 1e-5) throws {
        guard groups >= 1, channels % groups == 0 else { throw NNError.groups(layer: name, channels: channels, groups: groups) }
        weight = Parameter(name: "\(name).weight", value: Tensor(repeating: 1, shape: [channels]))
        bias = Parameter(name: "\(name).bias", value: Tensor(zeros: [channels]))
        (self.groups, self.epsilon) = (groups, epsilon)
    }

    public var parameters: [Parameter] { [weight, bias] }

    /// GroupNorm(x), followed by `activation` in the same pass when given.
    public func callAsFunction(_ x: Var, activation: Activation? = nil, layout: ImageLayout) -> Var {
        x.tape.groupNorm(
            x, groups: groups, weight: x.tape.parameter(weight), bias: x.tape.parameter(bias), epsilon: epsilon, activation: activation, layout: layout)
    }
}
