/// NumPy broadcasting: shapes are aligned on the right; a dimension of 1 (or a missing one)
/// stretches to the other operand's size.
public enum Broadcast {
    /// The broadcast shape of `a` and `b`; a precondition failure names both when incompatible.
    public static func shape(_ a: [Int], _ b: [Int]) -> [Int] {
        let rank = max(a.count, b.count)
        let pa = Array(repeating: 1, count: rank - a.count) + a
        let pb = Array(repeating: 1, count: rank - b.count) + b
        return (0..<rank).map { i in
            precondition(pa[i] == pb[i] || pa[i] == 1 || pb[i] == 1, "broadcast: shapes \(a) and \(b) are incompatible")
            return max(pa[i], pb[i])
        }
    }

    /// Element strides of `shape` viewed inside `outShape` (0 along broadcast dimensions).
    static func strides(of shape: [Int], in outShape: [Int]) -> [Int] {
        let padded = Array(repeating: 1, count: outShape.count - shape.count) + shape
        var strides = Array(repeating: 0, count: outShape.count)
        var s = 1
        for i in stride(from: outShape.count - 1, through: 0, by: -1) {
            strides[i] = padded[i] == 1 ? 0 : s
            s *= padded[i]
        }
        return strides
    }

    /// For every element of `outShape` in row-major order, calls body(outIndex, aOffset, bOffset).
    static func forEach(_ outShape: [Int], _ aStrides: [Int], _ bStrides: [Int], _ body: (Int, Int, Int) -> Void) {
        let total = outShape.reduce(1, *)
        if total == 0 { return }
        var index = Array(repeating: 0, count: outShape.count)
        var ao = 0, bo = 0
        for o in 0..<total {
            body(o, ao, bo)
            var d = outShape.count - 1
            while d >= 0 {
                index[d] += 1
                ao += aStrides[d]
                bo += bStrides[d]
                if index[d] < outShape[d] { break }
                ao -= aStrides[d] * index[d]
                bo -= bStrides[d] * index[d]
                index[d] = 0
                d -= 1
            }
        }
    }

    /// Sums `g` (of a broadcast shape) down to `shape`, the adjoint of broadcasting.
    public static func reduce(_ g: Tensor, to shape: [Int]) -> Tensor {
        if g.shape == shape { return g }
        let strides = Self.strides(of: shape, in: g.shape)
        var out = Tensor(zeros: shape)
        out.scalars.withUnsafeMutableBufferPointer { po in
            g.scalars.withUnsafeBufferPointer { pg in
                forEach(g.shape, strides, strides) { o, a, _ in po[a] += pg[o] }
            }
        }
        return out
    }
}

extension Tape {
    /// Elementwise binary op with broadcasting. `op` computes the value; `da`/`db` give ∂out/∂a
    /// and ∂out/∂b at each element from (a, b).
    func broadcasting(
        _ a: Var, _ b: Var, _ op: (Float, Float) -> Float,
        da: @escaping (Float, Float) -> Float, db: @escaping (Float, Float) -> Float
    ) -> Var {
        let av = a.value, bv = b.value
        if av.shape == bv.shape {
            let y = Tensor(shape: av.shape) { out in
                av.scalars.withUnsafeBufferPointer { pa in
                    bv.scalars.withUnsafeBufferPointer { pb in for i in 0..<out.count { out[i] = op(pa[i], pb[i]) } }
                }
            }
            return record(y, inputs: [a, b]) {
                { tape, dy in
                    for (v, d) in [(a, da), (b, db)] where tape.needsGradient(v) {
                        let g = Tensor(shape: av.shape) { out in
                            av.scalars.withUnsafeBufferPointer { pa in
                                bv.scalars.withUnsafeBufferPointer { pb in
                                    dy.scalars.withUnsafeBufferPointer { pd in
                                        for i in 0..<out.count { out[i] = pd[i] * d(pa[i], pb[i]) }
                                    }
                                }
                            }
                        }
                        tape.accumulate(v, g)
                    }
                }
            }
        }
        let outShape = Broadcast.shape(av.shape, bv.shape)
        let sa = Broadcast.strides(of: av.shape, in: outShape), sb = Broadcast.strides(of: bv.shape, in: outShape)
        let y = Tensor(shape: outShape) { out in
            av.scalars.withUnsafeBufferPointer { pa in
                bv.scalars.withUnsafeBufferPointer { pb in
                    Broadcast.forEach(outShape, sa, sb) { o, ia, ib in out[o] = op(pa[ia], pb[ib]) }
                }
            }
        }
        return record(y, inputs: [a, b]) {
            { tape, dy in
                for (v, d, shape) in [(a, da, av.shape), (b, db, bv.shape)] where tape.needsGradient(v) {
                    let g = Tensor(shape: outShape) { out in
                        av.scalars.withUnsafeBufferPointer { pa in
                            bv.scalars.withUnsafeBufferPointer { pb in
                                dy.scalars.withUnsafeBufferPointer { pd in
                                    Broadcast.forEach(outShape, sa, sb) { o, ia, ib in out[o] = pd[o] * d(pa[ia], pb[ib]) }
                                }
                            }
                        }
                    }
                    tape.accumulate(v, Broadcast.reduce(g, to: shape))
                }
            }
        }
    }

    /// a + b with broadcasting; ∂a = ∂y and ∂b = ∂y (each summed over its broadcast axes).
    public func add(_ a: Var, _ b: Var) -> Var {
        let av = a.value, bv = b.value
        guard av.shape == bv.shape else { return broadcasting(a, b, +, da: { _, _ in 1 }, db: { _, _ in 1 }) }
        let y = Tensor(shape: av.shape) { out in
            av.scalars.withUnsafeBufferPointer { pa in
                bv.scalars.withUnsafeBufferPointer { pb in Kernels.add(pa, pb, into: out) }
            }
        }
        return record(y, inputs: [a, b]) {
            { tape, dy in
                tape.accumulate(a, dy)
                tape.accumulate(b, dy)
            }
        }
    }

    /// a − b with broadcasting.
    public func subtract(_ a: Var, _ b: Var) -> Var {
        a.value.shape == b.value.shape
            ? add(a, scale(b, by: -1))
            : broadcasting(a, b, -, da: { _, _ in 1 }, db: { _, _ in -1 })
    }

    /// a ⊙ b with broadcasting; ∂a = ∂y·b, ∂b = ∂y·a.
    public func multiply(_ a: Var, _ b: Var) -> Var { broadcasting(a, b, *, da: { _, b in b }, db: { a, _ in a }) }

    /// c·x for a constant c.
    public func scale(_ x: Var, by c: Float) -> Var {
        let xv = x.value
        let y = Tensor(shape: xv.shape) { out in xv.scalars.withUnsafeBufferPointer { p in for i in 0..<out.count { out[i] = c * p[i] } } }
        return record(y, inputs: [x]) {
            { tape, dy in
                tape.accumulate(
                    x,
                    Tensor(shape: dy.shape) { out in
                        dy.scalars.withUnsafeBufferPointer { p in for i in 0..<out.count { out[i] = c * p[i] } }
                    })
            }
        }
    }
}

extension Var {
    public static func + (a: Var, b: Var) -> Var { a.tape.add(a, b) }
    public static func - (a: Var, b: Var) -> Var { a.tape.subtract(a, b) }
    public static func * (a: Var, b: Var) -> Var { a.tape.multiply(a, b) }
    public static func * (c: Float, x: Var) -> Var { x.tape.scale(x, by: c) }
}
