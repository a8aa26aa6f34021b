import Engine
import Stats

/// A fully connected layer y = x·Wᵀ + b, W [out, in], b [out] (PyTorch's nn.Linear layout and
/// default initialization: W, b ~ U(−1/√in, 1/√in), He et al. 2015 with a = √5).
public final class Linear: Module {
    public let weight: Parameter
    public let bias: Parameter

    public init(name: String, inFeatures: Int, outFeatures: Int, rng: some RandomSource) {
        precondition(inFeatures > 0 && outFeatures > 0, "Linear: need positive sizes, got \(inFeatures)->\(outFeatures)")
        let bound = 1 / Double(inFeatures).squareRoot()
        func draw(_ n: Int) -> [Float] { (0..<n).map { _ in Float((2 * rng.uniform() - 1) * bound) } }
        weight = Parameter(name: "\(name).weight", value: Tensor(shape: [outFeatures, inFeatures], scalars: draw(outFeatures * inFeatures)))
        bias = Parameter(name: "\(name).bias", value: Tensor(shape: [outFeatures], scalars: draw(outFeatures)))
    }

    public var parameters: [Parameter] { [weight, bias] }
    public var inFeatures: Int { weight.value.shape[1] }
    public var outFeatures: Int { weight.value.shape[0] }

    /// x [rows, in] → [rows, out].
    public func callAsFunction(_ x: Var) -> Var {
        x.tape.linear(x, weight: x.tape.parameter(weight), bias: x.tape.parameter(bias))
    }
}
