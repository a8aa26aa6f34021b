extension Tape {
    /// Σ of all elements, a rank-0 result; ∂x = ∂y broadcast.
    public func sum(_ x: Var) -> Var {
        let xv = x.value
        let s = xv.scalars.withUnsafeBufferPointer { Kernels.sum($0) }
        return record(Tensor(scalar: Float(s)), inputs: [x]) {
            { tape, dy in tape.accumulate(x, Tensor(repeating: dy.scalar, shape: xv.shape)) }
        }
    }

    /// Mean of all elements, a rank-0 result.
    public func mean(_ x: Var) -> Var {
        let n = x.value.count
        precondition(n > 0, "mean: empty tensor of shape \(x.shape)")
        return scale(sum(x), by: 1 / Float(n))
    }

    /// Mean squared error (1/n)·Σ(a − b)², fused; ∂a = 2(a − b)/n, ∂b = −∂a.
    public func meanSquaredError(_ a: Var, _ b: Var) -> Var {
        let av = a.value, bv = b.value
        precondition(av.shape == bv.shape, "meanSquaredError: shapes differ, \(av.shape) and \(bv.shape)")
        let n = av.count
        precondition(n > 0, "meanSquaredError: empty tensors")
        let diff = Tensor(shape: av.shape) { out in
            av.scalars.withUnsafeBufferPointer { pa in
                bv.scalars.withUnsafeBufferPointer { pb in for i in 0..<n { out[i] = pa[i] - pb[i] } }
            }
        }
        var total = 0.0
        diff.scalars.withUnsafeBufferPointer { p in for i in 0..<n { total += Double(p[i]) * Double(p[i]) } }
        return record(Tensor(scalar: Float(total / Double(n))), inputs: [a, b]) {
            { tape, dy in
                let c = 2 * dy.scalar / Float(n)
                let g = Tensor(shape: av.shape) { out in
                    diff.scalars.withUnsafeBufferPointer { p in for i in 0..<n { out[i] = c * p[i] } }
                }
                tape.accumulate(a, g)
                if tape.needsGradient(b) {
                    tape.accumulate(b, Tensor(shape: av.shape, scalars: g.scalars.map { -$0 }))
                }
            }
        }
    }
}
