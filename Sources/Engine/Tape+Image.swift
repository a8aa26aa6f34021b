extension Tape {
    /// Nearest-neighbour upsampling by 2 on both axes (PyTorch's `interpolate(scale_factor=2,
    /// mode="nearest")`): y[n, c, 2i + a, 2j + b] = x[n, c, i, j] for a, b ∈ {0, 1}, in any
    /// layout. Pullback: ∂x[i, j] = Σ of the four ∂y it was copied to.
    public func upsampleNearest2x(_ x: Var, layout: ImageLayout = .nchw) -> Var {
        let xv = x.value
        precondition(xv.rank == layout.rank, "upsampleNearest2x: need a rank-\(layout.rank) input (\(layout.rawValue)), got \(xv.shape)")
        let (n, c, h, w) = layout.dimensions(xv.shape)
        let outShape = layout.shape(batch: n, channels: c, height: 2 * h, width: 2 * w)
        // Every layout as [planes, h, w, run]: NCHW has n·c planes of runs of 1, NHWC n planes of
        // runs of c, blocked n·c/b planes of runs of b.
        let run = layout.run(channels: c)
        let planes = n * c / run
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
    /// The same images in another layout (any of NCHW, NHWC, blocked; oneDNN's reorder); the
    /// pullback moves the gradient back.
    public func relayout(_ x: Var, from: ImageLayout, to: ImageLayout) -> Var {
        guard from != to else { return x }
        let xv = x.value
        precondition(xv.rank == from.rank, "relayout: need a rank-\(from.rank) input (\(from.rawValue)), got \(xv.shape)")
        let (n, c, h, w) = from.dimensions(xv.shape)
        precondition(from.holds(channels: c) && to.holds(channels: c), "relayout: \(c) channels do not fill whole blocks of \(ImageLayout.channelBlock)")
        // (A nested function that reached `self` would make the pullback hold the tape: a cycle.)
        func move(_ t: Tensor, _ a: ImageLayout, _ b: ImageLayout, on tape: Tape) -> Tensor {
            let shape = b.shape(batch: n, channels: c, height: h, width: w)
            guard t.count > 0 else { return Tensor(zeros: shape) }
            var failure: (any Error)?
            let moved = Tensor(shape: shape) { out in
                t.scalars.withUnsafeBufferPointer { source in
                    do { try DNNL.reorder([n, c, h, w], from: a.tag, source.baseAddress!, to: b.tag, out.baseAddress!) } catch {
                        out.initialize(repeating: 0)
                        failure = error
                    }
                }
            }
            if let failure { tape.fail(failure) }
            return moved
        }
        return record(move(xv, from, to, on: self), inputs: [x]) { { tape, dy in tape.accumulate(x, move(dy, to, from, on: tape)) } }
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
    /// position (a U-Net block's time embedding), in any layout. Pullbacks: ∂x = ∂y,
    /// ∂shift[n, c] = Σ over positions of ∂y[n, c, ·, ·]. Images run in parallel.
    public func addChannelShift(_ x: Var, _ shift: Var, layout: ImageLayout = .nchw) -> Var {
        let xv = x.value, sv = shift.value
        precondition(xv.rank == layout.rank, "addChannelShift: need a rank-\(layout.rank) input (\(layout.rawValue)), got \(xv.shape)")
        let (n, c, h, w) = layout.dimensions(xv.shape)
        precondition(sv.shape == [n, c], "addChannelShift: shift must be [\(n), \(c)], got \(sv.shape)")
        let positions = h * w
        // Each image as blocks of `positions` rows of `run` channels (NCHW: c blocks of runs of 1,
        // taken as c rows of `positions` with one shift each).
        let run = layout.run(channels: c)
        let y = Tensor(shape: xv.shape) { out in
            xv.scalars.withUnsafeBufferPointer { px in
                sv.scalars.withUnsafeBufferPointer { ps in
                    nonisolated(unsafe) let (px, ps, out) = (px, ps, out)
                    Parallel.chunks(n, itemSize: c * positions) { images in
                        for s in images {
                            let (xs, ys, shifts) = (px.baseAddress! + s * c * positions, out.baseAddress! + s * c * positions, ps.baseAddress! + s * c)
                            if run == 1 {
                                for ch in 0..<c {
                                    let (source, target, shift) = (xs + ch &* positions, ys + ch &* positions, shifts[ch])
                                    for i in 0..<positions { target[i] = source[i] + shift }
                                }
                                continue
                            }
                            for first in stride(from: 0, to: c, by: run) {
                                let block = shifts + first
                                for r in 0..<positions {
                                    let offset = first &* positions &+ r &* run
                                    let (source, target) = (xs + offset, ys + offset)
                                    for i in 0..<run { target[i] = source[i] + block[i] }
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
                                    if run == 1 {
                                        for ch in 0..<c {
                                            sums[ch] = Float(Kernels.sum(UnsafeBufferPointer(start: dys + ch * positions, count: positions)))
                                        }
                                        continue
                                    }
                                    sums.initialize(repeating: 0, count: c)
                                    for first in stride(from: 0, to: c, by: run) {
                                        let block = sums + first
                                        for r in 0..<positions {
                                            let row = dys + (first &* positions &+ r &* run)
                                            for i in 0..<run { block[i] += row[i] }
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

    /// The channels of several image batches side by side, [n, c₁ + c₂ + …, h, w], in any layout
    /// (NHWC: the last axis; NCHW and blocked: each image's parts one after another). The pullback
    /// hands each part its channels of ∂y.
    public func concatChannels(_ parts: [Var], layout: ImageLayout) -> Var {
        guard layout != .nhwc else { return concatLastAxis(parts) }
        precondition(!parts.isEmpty, "concatChannels: nothing to concatenate")
        let values = parts.map(\.value)
        let dims = values.map { v in
            precondition(v.rank == layout.rank, "concatChannels: need rank-\(layout.rank) inputs (\(layout.rawValue)), got \(v.shape)")
            return layout.dimensions(v.shape)
        }
        let (n, h, w) = (dims[0].batch, dims[0].height, dims[0].width)
        precondition(dims.allSatisfy { $0.batch == n && $0.height == h && $0.width == w }, "concatChannels: images differ, \(values.map(\.shape))")
        let sizes = dims.map { $0.channels * h * w }  // floats per image of each part
        let total = sizes.reduce(0, +)
        let y = Tensor(shape: layout.shape(batch: n, channels: dims.map(\.channels).reduce(0, +), height: h, width: w)) { out in
            nonisolated(unsafe) let out = out
            for (k, v) in values.enumerated() {
                let offset = sizes[..<k].reduce(0, +)
                v.scalars.withUnsafeBufferPointer { p in
                    nonisolated(unsafe) let p = p
                    Parallel.chunks(n, itemSize: sizes[k]) { images in
                        for s in images { (out.baseAddress! + s * total + offset).initialize(from: p.baseAddress! + s * sizes[k], count: sizes[k]) }
                    }
                }
            }
        }
        return record(y, inputs: parts) {
            { tape, dy in
                for (k, part) in parts.enumerated() where tape.needsGradient(part) {
                    let offset = sizes[..<k].reduce(0, +)
                    let dx = Tensor(shape: values[k].shape) { out in
                        dy.scalars.withUnsafeBufferPointer { p in
                            nonisolated(unsafe) let (p, out) = (p, out)
                            Parallel.chunks(n, itemSize: sizes[k]) { images in
                                for s in images { (out.baseAddress! + s * sizes[k]).initialize(from: p.baseAddress! + s * total + offset, count: sizes[k]) }
                            }
                        }
                    }
                    tape.accumulate(part, dx)
                }
            }
        }
    }
}
