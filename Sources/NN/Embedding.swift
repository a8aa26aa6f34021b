import Engine
import Stats

/// A learned lookup table: index k → row k of W [count, width], initialized N(0, 1) as PyTorch's
/// nn.Embedding. Class labels enter denoisers this way (Ho & Salimans 2021; Dhariwal & Nichol 2021).
public final class Embedding: Module {
    public let weight: Parameter

    public init(name: String, count: Int, width: Int, rng: some RandomSource) {
        precondition(count > 0 && width > 0, "Embedding: need positive sizes, got \(count)x\(width)")
        weight = Parameter(name: "\(name).weight", value: Tensor(shape: [count, width], scalars: rng.gaussians(count * width)))
    }

    public var parameters: [Parameter] { [weight] }

    /// indices [k] → [k, width].
    public func callAsFunction(_ indices: [Int], on tape: Tape) -> Var { tape.gatherRows(tape.parameter(weight), indices) }
}
