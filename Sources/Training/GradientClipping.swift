import NN
import Engine

/// Scales all gradients by min(1, maxNorm / ‖g‖₂), ‖g‖₂ the global norm over every parameter
/// (Pascanu et al. 2013). Returns the norm before clipping (non-finite when a gradient is).
@discardableResult
public func clipGradientNorm(_ parameters: [Parameter], maxNorm: Float) -> Double {
    var total = 0.0
    for p in parameters {
        p.grad.scalars.withUnsafeBufferPointer { g in
            var s: Float = 0
            for x in g { s += x * x }
            total += Double(s)
        }
    }
    let norm = total.squareRoot()
    if norm.isFinite && norm > Double(maxNorm) {
        let c = Float(Double(maxNorm) / norm)
        for p in parameters {
            p.grad.scalars.withUnsafeMutableBufferPointer { g in for i in 0..<g.count { g[i] *= c } }
        }
    }
    return norm
}
