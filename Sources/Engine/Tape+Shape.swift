import Foundation

extension Tape {
    /// Concatenation along the last axis of tensors whose other dimensions agree:
    /// [rows, c₁] ++ [rows, c₂] → [rows, c₁ + c₂]. The pullback splits ∂y back into column blocks.
    public func concatLastAxis(_ parts: [Var]) -> Var {
        precondition(!parts.isEmpty, "concatLastAxis: nothing to concatenate")
        let values = parts.map(\.value)
        let rows = values[0].matrixShape.rows
        let lead = Array(values[0].shape.dropLast())
        for v in values {
            precondition(Array(v.shape.dropLast()) == lead, "concatLastAxis: leading shapes differ, \(values.map(\.shape))")
        }
        let widths = values.map { $0.shape.last ?? 1 }
        let total = widths.reduce(0, +)
        let y = Tensor(shape: lead + [total]) { out in
            var offset = 0
            for (v, w) in zip(values, widths) {
                v.scalars.withUnsafeBufferPointer { p in
                    guard let base = p.baseAddress else { return }
                    nonisolated(unsafe) let (source, target) = (base, out.baseAddress!)
                    let start = offset
                    Parallel.chunks(rows, itemSize: w) { range in
                        for r in range { (target + r * total + start).update(from: source + r * w, count: w) }
                    }
                }
                offset += w
            }
        }
        return record(y, inputs: parts) {
            { tape, dy in
                var offset = 0
                for (part, w) in zip(parts, widths) {
                    if tape.needsGradient(part) {
                        let g = Tensor(shape: lead + [w]) { out in
                            dy.scalars.withUnsafeBufferPointer { p in
                                guard let base = p.baseAddress, let targetBase = out.baseAddress else { return }
                                nonisolated(unsafe) let (source, target) = (base, targetBase)
                                let start = offset
                                Parallel.chunks(rows, itemSize: w) { range in
                                    for r in range { (target + r * w).update(from: source + r * total + start, count: w) }
                                }
                            }
                        }
                        tape.accumulate(part, g)
                    }
                    offset += w
                }
            }
        }
    }

    /// The same scalars under another shape.
    public func reshape(_ x: Var, _ shape: [Int]) -> Var {
        let old = x.shape
        return record(x.value.reshaped(shape), inputs: [x]) { { tape, dy in tape.accumulate(x, dy.reshaped(old)) } }
    }

    /// Sinusoidal features of every column of x [rows, d] at frequencies f [m]:
    /// y[r, j·2m + k] = sin(f_k·x[r, j]), y[r, j·2m + m + k] = cos(f_k·x[r, j]) → [rows, 2·m·d].
    /// Pullback: ∂x[r, j] = Σ_k f_k (∂y_sin·cos − ∂y_cos·sin). (Tancik et al. 2020; Vaswani et al. 2017.)
    public func sinusoidalFeatures(_ x: Var, frequencies: [Float]) -> Var {
        let xv = x.value
        let (rows, d) = xv.matrixShape
        let m = frequencies.count
        let width = 2 * m * d
        var sines = [Float](repeating: 0, count: rows * d * m)
        var cosines = sines
        xv.scalars.withUnsafeBufferPointer { px in
            sines.withUnsafeMutableBufferPointer { ps in
                cosines.withUnsafeMutableBufferPointer { pc in
                    // libm sin/cos do not vectorize: split large batches over threads instead.
                    nonisolated(unsafe) let (px, ps, pc) = (px, ps, pc)
                    Parallel.chunks(rows * d * m) { range in  // floor(bound / m) tiles the points exactly
                        for i in (range.lowerBound / m)..<(range.upperBound / m) {
                            for k in 0..<m {
                                let a = frequencies[k] * px[i]
                                ps[i * m + k] = sinf(a)
                                pc[i * m + k] = cosf(a)
                            }
                        }
                    }
                }
            }
        }
        let y = Tensor(shape: Array(xv.shape.dropLast()) + [width]) { out in
            for r in 0..<rows {
                for j in 0..<d {
                    let src = (r * d + j) * m
                    let dst = r * width + j * 2 * m
                    for k in 0..<m {
                        out[dst + k] = sines[src + k]
                        out[dst + m + k] = cosines[src + k]
                    }
                }
            }
        }
        return record(y, inputs: [x]) {
            { tape, dy in
                let dx = Tensor(shape: xv.shape) { out in
                    for r in 0..<rows {
                        for j in 0..<d {
                            let src = (r * d + j) * m
                            let dst = r * width + j * 2 * m
                            var g: Float = 0
                            for k in 0..<m {
                                g += frequencies[k] * (dy.scalars[dst + k] * cosines[src + k] - dy.scalars[dst + m + k] * sines[src + k])
                            }
                            out[r * d + j] = g
                        }
                    }
                }
                tape.accumulate(x, dx)
            }
        }
    }
}

extension Tape {
    /// Rows of a table picked by index, an embedding lookup: table [n, w], indices [k] → [k, w],
    /// y[r] = table[indices[r]]. The pullback scatter-adds ∂y into the picked rows.
    public func gatherRows(_ table: Var, _ indices: [Int]) -> Var {
        let t = table.value
        precondition(t.rank == 2, "gatherRows: table must be [n, w], got \(t.shape)")
        let (n, w) = (t.shape[0], t.shape[1])
        precondition(indices.allSatisfy { (0..<n).contains($0) }, "gatherRows: an index lies outside 0..<\(n)")
        var y = [Float](repeating: 0, count: indices.count * w)
        for (r, i) in indices.enumerated() { for j in 0..<w { y[r * w + j] = t.scalars[i * w + j] } }
        return record(Tensor(shape: [indices.count, w], scalars: y), inputs: [table]) {
            { tape, dy in
                var g = [Float](repeating: 0, count: n * w)
                for (r, i) in indices.enumerated() { for j in 0..<w { g[i * w + j] += dy.scalars[r * w + j] } }
                tape.accumulate(table, Tensor(shape: [n, w], scalars: g))
            }
        }
    }
}
