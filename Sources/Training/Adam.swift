import NN
import Engine
import Foundation

/// Adam (Kingma & Ba 2015) with decoupled weight decay (AdamW, Loshchilov & Hutter 2019):
/// m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − lr·(m̂/(√v̂ + ε) + λθ), m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ).
public final class Adam {
    public var beta1: Float, beta2: Float, epsilon: Float, weightDecay: Float
    /// Number of updates taken.
    public private(set) var step = 0
    public private(set) var m: [Tensor]
    public private(set) var v: [Tensor]
    let parameters: [Parameter]

    public init(parameters: [Parameter], beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8, weightDecay: Float = 0) {
        self.parameters = parameters
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        m = parameters.map { Tensor(zeros: $0.value.shape) }
        v = m
    }

    /// One update with learning rate `lr` from the parameters' current gradients.
    public func update(lr: Float) {
        step += 1
        let c1 = 1 / (1 - Float(pow(Double(beta1), Double(step))))
        let c2 = 1 / (1 - Float(pow(Double(beta2), Double(step))))
        let (b1, b2, eps, wd) = (beta1, beta2, epsilon, weightDecay)
        for (i, p) in parameters.enumerated() {
            p.value.scalars.withUnsafeMutableBufferPointer { theta in
                p.grad.scalars.withUnsafeBufferPointer { g in
                    m[i].scalars.withUnsafeMutableBufferPointer { m in
                        v[i].scalars.withUnsafeMutableBufferPointer { v in
                            Self.kernel(
                                theta.baseAddress!, g.baseAddress!, m.baseAddress!, v.baseAddress!, theta.count,
                                lr: lr, b1: b1, b2: b2, eps: eps, wd: wd, c1: c1, c2: c2)
                        }
                    }
                }
            }
        }
    }

    /// The update over raw pointers, as a loop the compiler vectorizes (with `Float.squareRoot()`
    /// it stayed scalar at ~5 ns per parameter, a tenth of a small model's training step).
    static func kernel(
        _ theta: UnsafeMutablePointer<Float>, _ g: UnsafePointer<Float>, _ m: UnsafeMutablePointer<Float>,
        _ v: UnsafeMutablePointer<Float>, _ n: Int, lr: Float, b1: Float, b2: Float, eps: Float, wd: Float, c1: Float, c2: Float
    ) {
        for j in 0..<n {
            let gj = g[j]
            let mj = b1 * m[j] + (1 - b1) * gj
            let vj = b2 * v[j] + (1 - b2) * gj * gj
            m[j] = mj
            v[j] = vj
            theta[j] -= lr * ((mj * c1) / (fastSquareRoot(vj * c2) + eps) + wd * theta[j])
        }
    }

    /// Optimizer state for a checkpoint: "adam.m.NAME", "adam.v.NAME".
    public func stateDict() -> [String: Tensor] {
        var d: [String: Tensor] = [:]
        for (i, p) in parameters.enumerated() {
            d["adam.m.\(p.name)"] = m[i]
            d["adam.v.\(p.name)"] = v[i]
        }
        return d
    }

    /// Restores what `stateDict` saved, with the step count.
    public func load(_ state: [String: Tensor], step: Int) throws {
        for (i, p) in parameters.enumerated() {
            for (key, slot) in [("adam.m.\(p.name)", 0), ("adam.v.\(p.name)", 1)] {
                guard let t = state[key] else { throw NNError.missingParameter(key) }
                guard t.shape == p.value.shape else { throw NNError.shapeMismatch(key, expected: p.value.shape, found: t.shape) }
                if slot == 0 { m[i] = t } else { v[i] = t }
            }
        }
        self.step = step
    }
}
