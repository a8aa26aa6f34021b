import NN
import Engine

/// An exponential moving average of parameters (Polyak & Juditsky 1992; used for sampling by
/// Ho et al. 2020): θ̄ ← d·θ̄ + (1 − d)·θ, with d = min(decay, (1 + n)/(10 + n)) after n updates
/// so early averages are not dominated by the random initialization.
public final class EMA {
    public let decay: Float
    public private(set) var updates = 0
    public private(set) var shadow: [String: Tensor]
    let parameters: [Parameter]

    public init(parameters: [Parameter], decay: Float) {
        precondition(decay >= 0 && decay < 1, "EMA: decay must be in [0, 1), got \(decay)")
        self.parameters = parameters
        self.decay = decay
        shadow = Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, $0.value) })
    }

    public func update() {
        let d = min(decay, Float(1 + updates) / Float(10 + updates))
        updates += 1
        for p in parameters {
            p.value.scalars.withUnsafeBufferPointer { theta in
                shadow[p.name]!.scalars.withUnsafeMutableBufferPointer { s in
                    for i in 0..<s.count { s[i] = d * s[i] + (1 - d) * theta[i] }
                }
            }
        }
    }

    /// Restores averages saved in a checkpoint.
    public func load(_ state: [String: Tensor], updates: Int) throws {
        for p in parameters {
            guard let t = state[p.name] else { throw NNError.missingParameter(p.name) }
            guard t.shape == p.value.shape else { throw NNError.shapeMismatch(p.name, expected: p.value.shape, found: t.shape) }
            shadow[p.name] = t
        }
        self.updates = updates
    }
}
