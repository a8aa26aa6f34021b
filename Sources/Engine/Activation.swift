import Foundation

/// Pointwise nonlinearities with their derivatives.
/// - relu: max(0, x)
/// - silu: x·σ(x) (Elfwing et al. 2018), derivative σ(x)(1 + x(1 − σ(x)))
/// - gelu: tanh approximation 0.5x(1 + tanh(√(2/π)(x + 0.044715x³))) (Hendrycks & Gimpel 2016)
/// - softplus: log(1 + eˣ), derivative σ(x)
public enum Activation: String, CaseIterable, Sendable, Codable {
    case relu, silu, gelu, softplus

    /// y = f(x), split over threads.
    func forward(_ x: UnsafeBufferPointer<Float>, _ y: UnsafeMutableBufferPointer<Float>) {
        nonisolated(unsafe) let (x, y) = (x, y)
        Parallel.chunks(x.count) { range in
            forward(UnsafeBufferPointer(rebasing: x[range]), UnsafeMutableBufferPointer(rebasing: y[range]), serial: ())
        }
    }

    /// dx = dy·f′(x), split over threads.
    func backward(_ x: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>, _ dx: UnsafeMutableBufferPointer<Float>) {
        nonisolated(unsafe) let (x, dy, dx) = (x, dy, dx)
        Parallel.chunks(x.count) { range in
            backward(
                UnsafeBufferPointer(rebasing: x[range]), UnsafeBufferPointer(rebasing: dy[range]),
                UnsafeMutableBufferPointer(rebasing: dx[range]), serial: ())
        }
    }

    /// y = f(x) on the calling thread.
    func forward(_ x: UnsafeBufferPointer<Float>, _ y: UnsafeMutableBufferPointer<Float>, serial: Void) {
        let n = x.count
        switch self {
        case .relu: for i in 0..<n { y[i] = max(x[i], 0) }
        case .silu: for i in 0..<n { let v = x[i]; y[i] = v * fastSigmoid(v) }
        case .gelu:
            for i in 0..<n {
                let v = x[i]
                let z = 0.797_884_560_8 * (v + 0.044_715 * v * v * v)
                let t = 1 - 2 / (fastExp(2 * z) + 1)
                y[i] = 0.5 * v * (1 + t)
            }
        case .softplus:
            // max(x, 0) + log1p(e^(−|x|)): no overflow for large x.
            for i in 0..<n { let v = x[i]; y[i] = max(v, 0) + log1pf(expf(-abs(v))) }
        }
    }

    /// dx = dy·f′(x) on the calling thread.
    func backward(
        _ x: UnsafeBufferPointer<Float>, _ dy: UnsafeBufferPointer<Float>, _ dx: UnsafeMutableBufferPointer<Float>,
        serial: Void
    ) {
        let n = x.count
        switch self {
        case .relu: for i in 0..<n { dx[i] = x[i] > 0 ? dy[i] : 0 }
        case .silu:
            for i in 0..<n {
                let v = x[i], s = fastSigmoid(v)
                dx[i] = dy[i] * (s + v * s * (1 - s))
            }
        case .gelu:
            for i in 0..<n {
                let v = x[i]
                let z = 0.797_884_560_8 * (v + 0.044_715 * v * v * v)
                let t = 1 - 2 / (fastExp(2 * z) + 1)
                let dz = 0.797_884_560_8 * (1 + 3 * 0.044_715 * v * v)
                dx[i] = dy[i] * (0.5 * (1 + t) + 0.5 * v * (1 - t * t) * dz)
            }
        case .softplus: for i in 0..<n { dx[i] = dy[i] * fastSigmoid(x[i]) }
        }
    }
}

extension Tape {
    /// y = f(x) elementwise; ∂x = ∂y·f′(x).
    public func activation(_ x: Var, _ f: Activation) -> Var {
        let xv = x.value
        let y = Tensor(shape: xv.shape) { out in xv.scalars.withUnsafeBufferPointer { f.forward($0, out) } }
        return record(y, inputs: [x]) {
            { tape, dy in
                let dx = Tensor(shape: xv.shape) { out in
                    xv.scalars.withUnsafeBufferPointer { px in
                        dy.scalars.withUnsafeBufferPointer { pdy in f.backward(px, pdy, out) }
                    }
                }
                tape.accumulate(x, dx)
            }
        }
    }
}
