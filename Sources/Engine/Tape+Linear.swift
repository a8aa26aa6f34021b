extension Tape {
    /// C = op(A)·op(B) for rank-2 tensors, op = identity or transpose. Pullbacks:
    /// ∂A = ∂C·op(B)ᵀ (transposed back when A was), ∂B = op(A)ᵀ·∂C (likewise).
    public func matmul(_ a: Var, _ b: Var, transposeA: Bool = false, transposeB: Bool = false) -> Var {
        let av = a.value, bv = b.value
        precondition(av.rank == 2 && bv.rank == 2, "matmul: need rank-2 operands, got \(av.shape) and \(bv.shape)")
        let (m, k) = transposeA ? (av.shape[1], av.shape[0]) : (av.shape[0], av.shape[1])
        let (k2, n) = transposeB ? (bv.shape[1], bv.shape[0]) : (bv.shape[0], bv.shape[1])
        precondition(k == k2, "matmul: inner dimensions differ, lhs \(av.shape) rhs \(bv.shape)")
        let c = Tensor.product(av, bv, transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k)
        return record(c, inputs: [a, b]) {
            { tape, dc in
                if tape.needsGradient(a) {
                    let da =
                        transposeA
                        ? Tensor.product(bv, dc, transposeA: transposeB, transposeB: true, m: k, n: m, k: n)
                        : Tensor.product(dc, bv, transposeA: false, transposeB: !transposeB, m: m, n: k, k: n)
                    tape.accumulate(a, da)
                }
                if tape.needsGradient(b) {
                    let db =
                        transposeB
                        ? Tensor.product(dc, av, transposeA: true, transposeB: transposeA, m: n, n: k, k: m)
                        : Tensor.product(av, dc, transposeA: !transposeA, transposeB: false, m: k, n: n, k: m)
                    tape.accumulate(b, db)
                }
            }
        }
    }

    /// An affine map y = x·Wᵀ + b with x [rows, in], W [out, in] (PyTorch's nn.Linear layout),
    /// b [out]. Pullbacks: ∂x = ∂y·W, ∂W = ∂yᵀ·x, ∂b = Σ_rows ∂y.
    public func linear(_ x: Var, weight: Var, bias: Var?) -> Var {
        let xv = x.value, wv = weight.value
        precondition(wv.rank == 2, "linear: weight must be [out, in], got \(wv.shape)")
        let (outFeatures, inFeatures) = (wv.shape[0], wv.shape[1])
        let (rows, columns) = xv.matrixShape
        precondition(columns == inFeatures, "linear: input has \(columns) features, weight \(wv.shape) expects \(inFeatures)")
        var outShape = xv.shape
        outShape[outShape.count - 1] = outFeatures
        let bv = bias?.value
        if let bv { precondition(bv.shape == [outFeatures], "linear: bias must be [\(outFeatures)], got \(bv.shape)") }
        let y = Tensor(shape: outShape) { out in
            if let bv {
                bv.scalars.withUnsafeBufferPointer { pb in
                    for r in 0..<rows { (out.baseAddress! + r * outFeatures).update(from: pb.baseAddress!, count: outFeatures) }
                }
            } else {
                out.initialize(repeating: 0)
            }
            xv.scalars.withUnsafeBufferPointer { px in
                wv.scalars.withUnsafeBufferPointer { pw in
                    BLAS.sgemm(
                        transposeA: false, transposeB: true, m: rows, n: outFeatures, k: inFeatures, alpha: 1,
                        a: px.baseAddress!, lda: inFeatures, b: pw.baseAddress!, ldb: inFeatures,
                        beta: 1, c: out.baseAddress!, ldc: outFeatures)
                }
            }
        }
        var inputs = [x, weight]
        if let bias { inputs.append(bias) }
        return record(y, inputs: inputs) {
            { tape, dy in
                if tape.needsGradient(x) {
                    let dx = Tensor.product(dy, wv, transposeA: false, transposeB: false, m: rows, n: inFeatures, k: outFeatures)
                    tape.accumulate(x, dx.reshaped(xv.shape))
                }
                if tape.needsGradient(weight) {
                    let dw = Tensor.product(dy, xv, transposeA: true, transposeB: false, m: outFeatures, n: inFeatures, k: rows)
                    tape.accumulate(weight, dw)
                }
                if let bias, tape.needsGradient(bias) {
                    let db = Tensor(shape: [outFeatures]) { out in
                        out.initialize(repeating: 0)
                        dy.scalars.withUnsafeBufferPointer { Kernels.addColumnSums($0, rows: rows, columns: outFeatures, into: out) }
                    }
                    tape.accumulate(bias, db)
                }
            }
        }
    }
}

extension Tensor {
    /// op(A)·op(B) for rank-2 (or flattened) row-major operands, through BLAS sgemm.
    static func product(_ a: Tensor, _ b: Tensor, transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int) -> Tensor {
        Tensor(shape: [m, n]) { out in
            if k == 0 { out.initialize(repeating: 0); return }
            a.scalars.withUnsafeBufferPointer { pa in
                b.scalars.withUnsafeBufferPointer { pb in
                    BLAS.sgemm(
                        transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: 1,
                        a: pa.baseAddress!, lda: transposeA ? m : k, b: pb.baseAddress!, ldb: transposeB ? k : n,
                        beta: 0, c: out.baseAddress!, ldc: n)
                }
            }
        }
    }
}
