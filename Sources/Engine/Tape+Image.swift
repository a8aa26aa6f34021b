extension Tape {
    /// Nearest-neighbour upsampling by 2 on both axes (PyTorch's `interpolate(scale_factor=2,
    /// mode="nearest")`): y[n, c, 2i + a, 2j + b] = x[n, c, i, j] for a, b ∈ {0, 1}; in NHWC the
    /// same positions with channels last. Pullback: ∂x[i, j] = Σ of the four ∂y it was copied to.
    public func upsampleNearest2x(_ x: Var, layout: ImageLayout = .nchw) -> Var {
        let xv = x.value
        precondition(xv.rank == 4, "upsampleNearest2x: need a rank-4 input, got \(xv.shape)")
        let (n, c, h, w) = layout.dimensions(xv.shape)
        let outShape = layout.shape(batch: n, channels: c, height: 2 * h, width: 2 * w)
        // Both layouts as [planes, h, w, run]: NCHW has n·c planes of runs of 1, NHWC n planes of runs of c.
        let (planes, run) = layout == .nchw ? (n * c, 1) : (n, c)
        let y = Tensor(shape: outShape) { out in
            xv.scalars.withUnsafeBufferPointer { px in
                guard let sourceBase = px.baseAddress, let targetBase = out.baseAddress else { return }  // an empty batch
                nonisolated(unsafe) let (source, target) = (sourceBase, targetBase)
                Parallel.chunks(planes, itemSize: 4 * h * w * run) { range in
                    for p in range {
                        for i in 0..<(2 * h) {
                            for j in 0..<(2 * w) {
                                let from = ((p * h + i / 2) * w + j / 2) * run, to = ((p * 2 * h + i) * 2 * w + j) * run
                                (target + to).initialize(from: source + from, count: run)
                            }
                        }
                    }
                }
            }
        }
        return record(y, inputs: [x]) {
            { tape, dy in
                var dx = Tensor(zeros: xv.shape)
                dx.scalars.withUnsafeMutableBufferPointer { pdx in
                    dy.scalars.withUnsafeBufferPointer { pdy in
                        guard let gradientBase = pdx.baseAddress, let incomingBase = pdy.baseAddress else { return }
                        nonisolated(unsafe) let (gradient, incoming) = (gradientBase, incomingBase)
                        Parallel.chunks(planes, itemSize: 4 * h * w * run) { range in
                            for p in range {
                                for i in 0..<(2 * h) {
                                    for j in 0..<(2 * w) {
                                        let to = ((p * h + i / 2) * w + j / 2) * run, from = ((p * 2 * h + i) * 2 * w + j) * run
                                        for k in 0..<run { gradient[to + k] += incoming[from + k] }
                                    }
                                }
                            }
                        }
                    }
                }
                tape.accumulate(x, dx)
            }
        }
    }

    /// Batched matrix product C_b = op(A_b)·op(B_b) over the leading axis of rank-3 tensors
    /// ([batch, m, k] · [batch, k, n] → [batch, m, n], op = identity or transpose), as attention
    /// needs (scores q·kᵀ, then weights·v). Pullbacks as `matmul`, per batch element.
    public func batchedMatmul(_ a: Var, _ b: Var, transposeA: Bool = false, transposeB: Bool = false) -> Var {
        let av = a.value, bv = b.value
        precondition(av.rank == 3 && bv.rank == 3 && av.shape[0] == bv.shape[0], "batchedMatmul: need [batch, ·, ·] operands, got \(av.shape) and \(bv.shape)")
        let batch = av.shape[0]
        let (m, k) = transposeA ? (av.shape[2], av.shape[1]) : (av.shape[1], av.shape[2])
        let (k2, n) = transposeB ? (bv.shape[2], bv.shape[1]) : (bv.shape[1], bv.shape[2])
        precondition(k == k2, "batchedMatmul: inner dimensions differ, lhs \(av.shape) rhs \(bv.shape)")
        func slices(_ t: Tensor) -> [Tensor] {
            let rows = t.shape[1], columns = t.shape[2]
            return (0..<batch).map { i in Tensor(shape: [rows, columns], scalars: Array(t.scalars[(i * rows * columns)..<((i + 1) * rows * columns)])) }
        }
        func stack(_ parts: [Tensor]) -> Tensor { Tensor(shape: [batch] + parts[0].shape, scalars: parts.flatMap(\.scalars)) }
        let (as_, bs) = (slices(av), slices(bv))
        let c = stack((0..<batch).map { Tensor.product(as_[$0], bs[$0], transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k) })
        return record(c, inputs: [a, b]) {
            { tape, dc in
                let dcs = slices(dc)
                if tape.needsGradient(a) {
                    tape.accumulate(a, stack((0..<batch).map { i in
                        transposeA
                            ? Tensor.product(bs[i], dcs[i], transposeA: transposeB, transposeB: true, m: k, n: m, k: n)
                            : Tensor.product(dcs[i], bs[i], transposeA: false, transposeB: !transposeB, m: m, n: k, k: n)
                    }))
                }
                if tape.needsGradient(b) {
                    tape.accumulate(b, stack((0..<batch).map { i in
                        transposeB
                            ? Tensor.product(dcs[i], as_[i], transposeA: true, transposeB: transposeA, m: n, n: k, k: m)
                            : Tensor.product(as_[i], dcs[i], transposeA: !transposeA, transposeB: false, m: k, n: n, k: m)
                    }))
                }
            }
        }
    }

    /// Softmax over the last axis, y_j = exp(x_j − max x)/Σ_k exp(x_k − max x) (shifted, so large
    /// scores cannot overflow). Pullback: ∂x_j = y_j·(∂y_j − Σ_k ∂y_k·y_k).
    public func softmaxLastAxis(_ x: Var) -> Var {
        let xv = x.value
        let (rows, width) = xv.matrixShape
        let y = Tensor(shape: xv.shape) { out in
            xv.scalars.withUnsafeBufferPointer { px in
                for r in 0..<rows {
                    let row = px[(r * width)..<((r + 1) * width)]
                    let top = row.max() ?? 0
                    var total: Float = 0
                    for j in 0..<width {
                        let e = fastExp(px[r * width + j] - top)
                        (out.baseAddress! + r * width + j).initialize(to: e)
                        total += e
                    }
                    for j in 0..<width { out[r * width + j] /= total }
                }
            }
        }
        return record(y, inputs: [x]) {
            { tape, dy in
                var dx = Tensor(zeros: xv.shape)
                dx.scalars.withUnsafeMutableBufferPointer { pdx in
                    for r in 0..<rows {
                        var dot: Float = 0
                        for j in 0..<width { dot += dy.scalars[r * width + j] * y.scalars[r * width + j] }
                        for j in 0..<width { pdx[r * width + j] = y.scalars[r * width + j] * (dy.scalars[r * width + j] - dot) }
                    }
                }
                tape.accumulate(x, dx)
            }
        }
    }

    /// Inverted dropout: each element is kept with probability 1 − p and scaled by 1/(1 − p), so
    /// the expectation is unchanged; `keep` holds the draws (true = kept), one per element, so the
    /// caller owns the randomness. Pullback: ∂x = ∂y on kept elements scaled alike, 0 elsewhere.
    public func dropout(_ x: Var, probability p: Float, keep: [Bool]) -> Var {
        precondition(p >= 0 && p < 1, "dropout: probability must be in [0, 1), got \(p)")
        precondition(keep.count == x.value.count, "dropout: \(keep.count) draws for \(x.value.count) elements")
        let scale = 1 / (1 - p)
        let mask = keep.map { $0 ? scale : 0 }
        let xv = x.value
        let y = Tensor(shape: xv.shape, scalars: zip(xv.scalars, mask).map(*))
        return record(y, inputs: [x]) { { tape, dy in tape.accumulate(x, Tensor(shape: xv.shape, scalars: zip(dy.scalars, mask).map(*))) } }
    }
}

extension Tape {
    /// The same images in another layout (NCHW ↔ NHWC); the pullback moves the gradient back.
    public func relayout(_ x: Var, from: ImageLayout, to: ImageLayout) -> Var {
        guard from != to else { return x }
        let xv = x.value
        precondition(xv.rank == 4, "relayout: need a rank-4 input, got \(xv.shape)")
        let (n, c, h, w) = from.dimensions(xv.shape)
        func move(_ t: Tensor, _ a: ImageLayout, _ b: ImageLayout) -> Tensor {
            var out = Tensor(zeros: b.shape(batch: n, channels: c, height: h, width: w))
            t.scalars.withUnsafeBufferPointer { src in
                out.scalars.withUnsafeMutableBufferPointer { dst in
                    for i in 0..<n {
                        for k in 0..<c {
                            for p in 0..<(h * w) {
                                let nchw = (i * c + k) * h * w + p, nhwc = (i * h * w + p) * c + k
                                dst[b == .nchw ? nchw : nhwc] = src[a == .nchw ? nchw : nhwc]
                            }
                        }
                    }
                }
            }
            return out
        }
        return record(move(xv, from, to), inputs: [x]) { { tape, dy in tape.accumulate(x, move(dy, to, from)) } }
    }

    /// Columns [range) of the last axis: [..., c] → [..., range.count] (q, k and v out of one
    /// projection). The pullback puts ∂y back into those columns.
    public func sliceLastAxis(_ x: Var, _ range: Range<Int>) -> Var {
        let xv = x.value
        let (rows, width) = xv.matrixShape
        precondition(range.lowerBound >= 0 && range.upperBound <= width, "sliceLastAxis: \(range) outside 0..<\(width)")
        let lead = Array(xv.shape.dropLast()), count = range.count
        let y = Tensor(shape: lead + [count]) { out in
            xv.scalars.withUnsafeBufferPointer { p in
                for r in 0..<rows { (out.baseAddress! + r * count).initialize(from: p.baseAddress! + r * width + range.lowerBound, count: count) }
            }
        }
        return record(y, inputs: [x]) {
            { tape, dy in
                var dx = Tensor(zeros: xv.shape)
                dx.scalars.withUnsafeMutableBufferPointer { p in
                    dy.scalars.withUnsafeBufferPointer { g in
                        for r in 0..<rows { (p.baseAddress! + r * width + range.lowerBound).update(from: g.baseAddress! + r * count, count: count) }
                    }
                }
                tape.accumulate(x, dx)
            }
        }
    }
}

extension Tape {
    /// y[n, c, h, w] = x[n, c, h, w] + shift[n, c]: one value per image and channel added at every
    /// position (a U-Net block's time embedding), in either layout. Pullbacks: ∂x = ∂y,
    /// ∂shift[n, c] = Σ over positions of ∂y[n, c, ·, ·]. Images run in parallel.
    public func addChannelShift(_ x: Var, _ shift: Var, layout: ImageLayout = .nchw) -> Var {
        let xv = x.value, sv = shift.value
        precondition(xv.rank == 4, "addChannelShift: need a rank-4 input, got \(xv.shape)")
        let (n, c, h, w) = layout.dimensions(xv.shape)
        precondition(sv.shape == [n, c], "addChannelShift: shift must be [\(n), \(c)], got \(sv.shape)")
        let positions = h * w
        // Both layouts as runs: NHWC has `positions` rows of c channels, NCHW c rows of `positions`.
        let (rows, width) = layout == .nhwc ? (positions, c) : (c, positions)
        let y = Tensor(shape: xv.shape) { out in
            xv.scalars.withUnsafeBufferPointer { px in
                sv.scalars.withUnsafeBufferPointer { ps in
                    nonisolated(unsafe) let (px, ps, out) = (px, ps, out)
                    Parallel.chunks(n, itemSize: c * positions) { images in
                        for s in images {
                            let (xs, ys, shifts) = (px.baseAddress! + s * c * positions, out.baseAddress! + s * c * positions, ps.baseAddress! + s * c)
                            for r in 0..<rows {
                                let (source, target) = (xs + r &* width, ys + r &* width)
                                switch layout {
                                case .nhwc: for i in 0..<width { target[i] = source[i] + shifts[i] }
                                case .nchw:
                                    let shift = shifts[r]
                                    for i in 0..<width { target[i] = source[i] + shift }
                                }
                            }
                        }
                    }
                }
            }
        }
        return record(y, inputs: [x, shift]) {
            { tape, dy in
                if tape.needsGradient(shift) {
                    let dShift = Tensor(shape: [n, c]) { out in
                        dy.scalars.withUnsafeBufferPointer { pdy in
                            nonisolated(unsafe) let (pdy, out) = (pdy, out)
                            Parallel.chunks(n, itemSize: c * positions) { images in
                                for s in images {
                                    let (dys, sums) = (pdy.baseAddress! + s * c * positions, out.baseAddress! + s * c)
                                    switch layout {
                                    case .nhwc:
                                        sums.initialize(repeating: 0, count: c)
                                        for r in 0..<positions { for ch in 0..<c { sums[ch] += dys[r * c + ch] } }
                                    case .nchw:
                                        for ch in 0..<c {
                                            sums[ch] = Float(Kernels.sum(UnsafeBufferPointer(start: dys + ch * positions, count: positions)))
                                        }
                                    }
                                }
                            }
                        }
                    }
                    tape.accumulate(shift, dShift)
                }
                tape.accumulate(x, dy)
            }
        }
    }
}
