extension Tape {
    /// Group normalization (Wu & He 2018, PyTorch's GroupNorm), optionally followed by an activation
    /// in the same pass (GroupNorm → SiLU is how every U-Net block starts): the channels of each
    /// sample are split into `groups` consecutive groups; within a group, over its channels and all
    /// positions, x̂ = (x − μ)/√(σ² + ε) with the biased variance σ², then z = γ_c·x̂ + β_c per
    /// channel and y = f(z). x is [n, c, h, w], [n, h, w, c] or blocked [n, c/b, h, w, b]
    /// (`layout`); γ, β are [c].
    /// Statistics are taken in two passes (mean, then the mean square of x − μ) with Double sums,
    /// so large means cost no precision.
    /// Pullbacks (per group of m elements, ∂z = ∂y·f′(z), ∂x̂ = γ·∂z):
    /// ∂x = (∂x̂ − mean(∂x̂) − x̂·mean(∂x̂·x̂))/√(σ² + ε); ∂γ_c = Σ ∂z·x̂, ∂β_c = Σ ∂z over samples and positions.
    /// Samples run in parallel; per-sample parameter gradients are added in sample order, so the
    /// numbers do not depend on the thread count.
    public func groupNorm(
        _ x: Var, groups: Int, weight: Var, bias: Var, epsilon: Float = 1e-5, activation: Activation? = nil, layout: ImageLayout = .nchw
    ) -> Var {
        precondition(x.value.rank == layout.rank, "groupNorm: need a rank-\(layout.rank) input (\(layout.rawValue)), got \(x.shape)")
        guard layout != .nchw else {
            // The kernel works on channels-last rows; NCHW goes through it and back.
            let y = groupNorm(relayout(x, from: layout, to: .nhwc), groups: groups, weight: weight, bias: bias, epsilon: epsilon, activation: activation, layout: .nhwc)
            return relayout(y, from: .nhwc, to: layout)
        }
        let xv = x.value
        let (n, c, h, w) = layout.dimensions(xv.shape)
        precondition(groups >= 1 && c % groups == 0, "groupNorm: \(c) channels do not split into \(groups) groups")
        precondition(weight.shape == [c] && bias.shape == [c], "groupNorm: γ and β must be [\(c)], got \(weight.shape) and \(bias.shape)")
        let g = GroupNormKernel(
            samples: n, positions: h * w, channels: c, run: layout.run(channels: c), groups: groups, epsilon: epsilon, activation: activation)
        let (gamma, beta) = (weight.value, bias.value)
        var statistics = [Float](repeating: 0, count: 2 * n * groups)  // μ and 1/√(σ² + ε) per sample and group
        let y = Tensor(shape: xv.shape) { out in
            statistics.withUnsafeMutableBufferPointer { stats in g.forward(xv, gamma: gamma, beta: beta, output: out, statistics: stats) }
        }
        return record(y, inputs: [x, weight, bias]) {
            { tape, dy in
                var dGamma = Tensor(zeros: [c]), dBeta = Tensor(zeros: [c])
                let dx = Tensor(shape: xv.shape) { out in
                    g.backward(xv, dy, gamma: gamma, beta: beta, statistics: statistics, inputGradient: out, dGamma: &dGamma, dBeta: &dBeta)
                }
                if tape.needsGradient(x) { tape.accumulate(x, dx) }
                if tape.needsGradient(weight) { tape.accumulate(weight, dGamma) }
                if tape.needsGradient(bias) { tape.accumulate(bias, dBeta) }
            }
        }
    }
}

/// The arithmetic of `Tape.groupNorm` on rows of channels: each sample is channels/run blocks of
/// `positions` rows of `run` channels (NHWC: one block, run = channels; blocked: run = the block).
/// Per-channel sums run along the rows, so they vectorize over channels, in Float over blocks of 32
/// rows added into Double; the output and the input gradient are then one multiply-add per element
/// with per-channel coefficients.
struct GroupNormKernel {
    let samples, positions, channels, run, groups: Int
    let epsilon: Float
    let activation: Activation?
    var perGroup: Int { channels / groups }
    var sampleSize: Int { positions * channels }

    /// The channel blocks of a sample.
    var blocks: Int { channels / run }
    /// SiLU computed in the normalization's own pass, 8 values at a time (same arithmetic as
    /// `Activation.silu`, so the same bits).
    var fusedSiLU: Bool { activation == .silu && run & 7 == 0 }

    /// Calls `body(row, channel)` for every row of a sample: its offset in the sample and the
    /// channel of its first value.
    @inline(__always)
    func forEachRow(_ body: (Int, Int) -> Void) {
        for block in 0..<blocks {
            let (base, first) = (block &* positions &* run, block &* run)
            for p in 0..<positions { body(base &+ p &* run, first) }
        }
    }

    /// Per channel, Σ over the rows of what `row(offset, first, partial)` adds into `partial` (the
    /// row at `offset` of the sample, whose first channel is `first`; Float, zeroed every 32 rows
    /// and flushed into the Double `sums`).
    @inline(__always)
    private func channelSums(
        _ sums: UnsafeMutablePointer<Double>, _ partial: UnsafeMutablePointer<Float>, _ row: (Int, Int, UnsafeMutablePointer<Float>) -> Void
    ) {
        sums.update(repeating: 0, count: channels)
        for block in 0..<blocks {
            let (base, first) = (block &* positions &* run, block &* run)
            var p = 0
            while p < positions {
                partial.update(repeating: 0, count: run)
                let end = min(p &+ 32, positions)
                while p < end {
                    row(base &+ p &* run, first, partial)
                    p &+= 1
                }
                for j in 0..<run { sums[first &+ j] += Double(partial[j]) }
            }
        }
    }

    /// Σ of `sums` over group k's channels.
    private func groupTotal(_ sums: UnsafeMutablePointer<Double>, _ k: Int) -> Double {
        var total = 0.0
        for ch in (k * perGroup)..<((k + 1) * perGroup) { total += sums[ch] }
        return total
    }

    /// Scratch of one worker: Double sums, Float partials and per-channel coefficients.
    private struct Scratch {
        let sums: UnsafeMutablePointer<Double>
        let floats: UnsafeMutablePointer<Float>
        init(channels: Int, coefficients: Int) {
            sums = .allocate(capacity: 2 * channels)
            floats = .allocate(capacity: (2 + coefficients) * channels)
        }
        func free() { sums.deallocate(); floats.deallocate() }
    }

    /// y = f(γ·x̂ + β) for every sample; `statistics` gets μ then 1/√(σ² + ε) per (sample, group).
    func forward(_ x: Tensor, gamma: Tensor, beta: Tensor, output: UnsafeMutableBufferPointer<Float>, statistics: UnsafeMutableBufferPointer<Float>) {
        nonisolated(unsafe) let (output, statistics) = (output, statistics)
        let (m, c) = (Double(perGroup * positions), channels)
        x.scalars.withUnsafeBufferPointer { px in
            gamma.scalars.withUnsafeBufferPointer { pg in
                beta.scalars.withUnsafeBufferPointer { pb in
                    nonisolated(unsafe) let (px, pg, pb) = (px.baseAddress!, pg.baseAddress!, pb.baseAddress!)
                    Parallel.chunks(samples, itemSize: sampleSize) { range in
                        let scratch = Scratch(channels: c, coefficients: 3)
                        // z = γ·x̂ + β before the activation (distinct buffers let f(z) vectorize).
                        let z = activation == nil || fusedSiLU ? nil : UnsafeMutableBufferPointer<Float>.allocate(capacity: sampleSize)
                        defer { scratch.free(); z?.deallocate() }
                        let (sums, partial) = (scratch.sums, scratch.floats)
                        let (mu, a, b) = (scratch.floats + 2 * c, scratch.floats + 3 * c, scratch.floats + 4 * c)
                        for s in range {
                            let xs = px + s * sampleSize, ys = output.baseAddress! + s * sampleSize
                            channelSums(sums, partial) { offset, _, acc in Rows.add(acc, xs + offset, run) }
                            for k in 0..<groups {
                                let mean = Float(groupTotal(sums, k) / m)
                                for ch in (k * perGroup)..<((k + 1) * perGroup) { mu[ch] = mean }
                                statistics[2 * (s * groups + k)] = mean
                            }
                            channelSums(sums, partial) { offset, first, acc in Rows.addSquaredDeviation(acc, xs + offset, mu + first, run) }
                            for k in 0..<groups {
                                let rstd = Float(1 / (groupTotal(sums, k) / m + Double(epsilon)).squareRoot())
                                statistics[2 * (s * groups + k) + 1] = rstd
                                for ch in (k * perGroup)..<((k + 1) * perGroup) {
                                    a[ch] = rstd * pg[ch]
                                    b[ch] = pb[ch] - mu[ch] * a[ch]
                                }
                            }
                            if fusedSiLU {
                                forEachRow { offset, first in Rows.affineSiLU(ys + offset, xs + offset, a + first, b + first, run) }
                                continue
                            }
                            let zs = z?.baseAddress ?? ys
                            forEachRow { offset, first in Rows.affine(zs + offset, xs + offset, a + first, b + first, run) }
                            if let activation, let z { activation.forward(UnsafeBufferPointer(z), UnsafeMutableBufferPointer(start: ys, count: sampleSize), serial: ()) }
                        }
                    }
                }
            }
        }
    }

    /// ∂x into `inputGradient`, and ∂γ, ∂β summed over the samples (in sample order).
    func backward(
        _ x: Tensor, _ dy: Tensor, gamma: Tensor, beta: Tensor, statistics: [Float], inputGradient: UnsafeMutableBufferPointer<Float>,
        dGamma: inout Tensor, dBeta: inout Tensor
    ) {
        nonisolated(unsafe) let dx = inputGradient.baseAddress!
        // Per-sample ∂β and ∂γ partials, reduced after the parallel part in a fixed order.
        let partials = UnsafeMutablePointer<Double>.allocate(capacity: 2 * samples * channels)
        defer { partials.deallocate() }
        nonisolated(unsafe) let parts = partials
        let (m, c) = (Float(perGroup * positions), channels)
        x.scalars.withUnsafeBufferPointer { px in
            dy.scalars.withUnsafeBufferPointer { pdy in
                gamma.scalars.withUnsafeBufferPointer { pg in
                    beta.scalars.withUnsafeBufferPointer { pb in
                        statistics.withUnsafeBufferPointer { stats in
                            nonisolated(unsafe) let (px, pdy, pg, pb, stats) = (px.baseAddress!, pdy.baseAddress!, pg.baseAddress!, pb.baseAddress!, stats)
                            Parallel.chunks(samples, itemSize: sampleSize) { range in
                                let scratch = Scratch(channels: c, coefficients: 6)
                                // z, then ∂z (distinct from ∂x: loops whose output may alias an input stay scalar).
                                let z = activation == nil ? nil : UnsafeMutableBufferPointer<Float>.allocate(capacity: 2 * sampleSize)
                                defer { scratch.free(); z?.deallocate() }
                                let f = scratch.floats
                                let (partialD, partialDX) = (f, f + run)
                                let (r, q, a, b, c0, shift) = (f + 2 * c, f + 3 * c, f + 4 * c, f + 5 * c, f + 6 * c, f + 7 * c)
                                for s in range {
                                    let xs = px + s * sampleSize, dxs = dx + s * sampleSize
                                    // x̂ = x·r + q per channel, with r = 1/√(σ² + ε) and q = −μ·r.
                                    for k in 0..<groups {
                                        let (mean, rstd) = (stats[2 * (s * groups + k)], stats[2 * (s * groups + k) + 1])
                                        for ch in (k * perGroup)..<((k + 1) * perGroup) { (r[ch], q[ch]) = (rstd, -mean * rstd) }
                                    }
                                    // ∂z: ∂y itself, or ∂y·f′(z) with z = γ·x̂ + β recomputed.
                                    var dz = UnsafePointer(pdy + s * sampleSize)
                                    if let activation, let z {
                                        let dzBuffer = z.baseAddress! + sampleSize
                                        for ch in 0..<c { (a[ch], shift[ch]) = (r[ch] * pg[ch], q[ch] * pg[ch] + pb[ch]) }
                                        if fusedSiLU {
                                            let incoming = dz
                                            forEachRow { offset, first in
                                                Rows.affineSiLUGradient(dzBuffer + offset, incoming + offset, xs + offset, a + first, shift + first, run)
                                            }
                                        } else {
                                            forEachRow { offset, first in Rows.affine(z.baseAddress! + offset, xs + offset, a + first, shift + first, run) }
                                            activation.backward(
                                                UnsafeBufferPointer(rebasing: z[0..<sampleSize]), UnsafeBufferPointer(start: dz, count: sampleSize),
                                                UnsafeMutableBufferPointer(start: dzBuffer, count: sampleSize), serial: ())
                                        }
                                        dz = UnsafePointer(dzBuffer)
                                    }
                                    // Σ ∂z (∂β) and Σ ∂z·x̂ (∂γ) per channel, one pass for both.
                                    let (dBetaS, dGammaS) = (parts + 2 * s * c, parts + (2 * s + 1) * c)
                                    dBetaS.update(repeating: 0, count: c)
                                    dGammaS.update(repeating: 0, count: c)
                                    for block in 0..<blocks {
                                        let (base, first) = (block &* positions &* run, block &* run)
                                        let (rb, qb) = (r + first, q + first)
                                        var p = 0
                                        while p < positions {
                                            partialD.update(repeating: 0, count: 2 * run)
                                            let end = min(p &+ 32, positions)
                                            while p < end {
                                                let (row, g) = (xs + (base &+ p &* run), dz + (base &+ p &* run))
                                                Rows.add(partialD, g, run)
                                                Rows.addProduct(partialDX, g, row, rb, qb, run)
                                                p &+= 1
                                            }
                                            for j in 0..<run {
                                                dBetaS[first &+ j] += Double(partialD[j])
                                                dGammaS[first &+ j] += Double(partialDX[j])
                                            }
                                        }
                                    }
                                    // ∂x = ∂z·γr − r·mean(γ∂z) − (x − μ)·r²·mean(γ∂z·x̂) = ∂z·a + x·b + c0.
                                    for k in 0..<groups {
                                        var (sumD, sumDX) = (0.0, 0.0)
                                        for ch in (k * perGroup)..<((k + 1) * perGroup) {
                                            sumD += Double(pg[ch]) * dBetaS[ch]
                                            sumDX += Double(pg[ch]) * dGammaS[ch]
                                        }
                                        let (meanD, meanDX) = (Float(sumD) / m, Float(sumDX) / m)
                                        for ch in (k * perGroup)..<((k + 1) * perGroup) {
                                            a[ch] = pg[ch] * r[ch]
                                            b[ch] = -r[ch] * r[ch] * meanDX
                                            c0[ch] = -r[ch] * meanD - q[ch] * r[ch] * meanDX
                                        }
                                    }
                                    forEachRow { offset, first in
                                        Rows.gradient(dxs + offset, dz + offset, a + first, xs + offset, b + first, c0 + first, run)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        var (sumGamma, sumBeta) = ([Double](repeating: 0, count: channels), [Double](repeating: 0, count: channels))
        for s in 0..<samples {
            for ch in 0..<channels {
                sumBeta[ch] += partials[2 * s * channels + ch]
                sumGamma[ch] += partials[(2 * s + 1) * channels + ch]
            }
        }
        dGamma = Tensor(shape: [channels], scalars: sumGamma.map(Float.init))
        dBeta = Tensor(shape: [channels], scalars: sumBeta.map(Float.init))
    }
}

/// The per-row arithmetic of `GroupNormKernel` on `n` channels with per-channel coefficients: in
/// 8-wide vectors (one AVX2 register) when n is a multiple of 8 — every blocked row, NHWC rows of
/// such channel counts — else one value at a time. (Left to the compiler, rows of 16 vectorized
/// 4 wide behind runtime overlap checks.)
enum Rows {
    typealias Vector = SIMD8<Float>

    @inline(__always) static func load(_ p: UnsafePointer<Float>) -> Vector { UnsafeRawPointer(p).loadUnaligned(as: Vector.self) }
    @inline(__always) static func load(_ p: UnsafeMutablePointer<Float>) -> Vector { load(UnsafePointer(p)) }
    @inline(__always) static func store(_ v: Vector, _ p: UnsafeMutablePointer<Float>) { UnsafeMutableRawPointer(p).storeBytes(of: v, as: Vector.self) }

    /// acc += x.
    @inline(__always) static func add(_ acc: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, _ n: Int) {
        guard n & 7 == 0 else { for j in 0..<n { acc[j] += x[j] }; return }
        var j = 0
        while j < n {
            store(load(acc + j) + load(x + j), acc + j)
            j &+= 8
        }
    }

    /// acc += (x − μ)².
    @inline(__always) static func addSquaredDeviation(_ acc: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, _ mu: UnsafeMutablePointer<Float>, _ n: Int) {
        guard n & 7 == 0 else {
            for j in 0..<n {
                let d = x[j] - mu[j]
                acc[j] += d * d
            }
            return
        }
        var j = 0
        while j < n {
            let d = load(x + j) - load(mu + j)
            store(load(acc + j) + d * d, acc + j)
            j &+= 8
        }
    }

    /// out = SiLU(x·a + b) = z·σ(z).
    @inline(__always) static func affineSiLU(
        _ out: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, _ a: UnsafeMutablePointer<Float>, _ b: UnsafeMutablePointer<Float>, _ n: Int
    ) {
        var j = 0
        while j < n {
            let z = load(x + j) * load(a + j) + load(b + j)
            store(z * (1 / (1 + fastExp(-z))), out + j)
            j &+= 8
        }
    }

    /// out = g·SiLU′(z) with z = x·a + b: σ(z)(1 + z(1 − σ(z))), as `Activation.silu` writes it.
    @inline(__always) static func affineSiLUGradient(
        _ out: UnsafeMutablePointer<Float>, _ g: UnsafePointer<Float>, _ x: UnsafePointer<Float>, _ a: UnsafeMutablePointer<Float>,
        _ b: UnsafeMutablePointer<Float>, _ n: Int
    ) {
        var j = 0
        while j < n {
            let z = load(x + j) * load(a + j) + load(b + j)
            let s = 1 / (1 + fastExp(-z))
            store(load(g + j) * (s + z * s * (1 - s)), out + j)
            j &+= 8
        }
    }

    /// out = x·a + b.
    @inline(__always) static func affine(
        _ out: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, _ a: UnsafeMutablePointer<Float>, _ b: UnsafeMutablePointer<Float>, _ n: Int
    ) {
        guard n & 7 == 0 else { for j in 0..<n { out[j] = x[j] * a[j] + b[j] }; return }
        var j = 0
        while j < n {
            store(load(x + j) * load(a + j) + load(b + j), out + j)
            j &+= 8
        }
    }

    /// acc += g·(x·r + q).
    @inline(__always) static func addProduct(
        _ acc: UnsafeMutablePointer<Float>, _ g: UnsafePointer<Float>, _ x: UnsafePointer<Float>, _ r: UnsafeMutablePointer<Float>,
        _ q: UnsafeMutablePointer<Float>, _ n: Int
    ) {
        guard n & 7 == 0 else { for j in 0..<n { acc[j] += g[j] * (x[j] * r[j] + q[j]) }; return }
        var j = 0
        while j < n {
            store(load(acc + j) + load(g + j) * (load(x + j) * load(r + j) + load(q + j)), acc + j)
            j &+= 8
        }
    }

    /// out = g·a + x·b + c.
    @inline(__always) static func gradient(
        _ out: UnsafeMutablePointer<Float>, _ g: UnsafePointer<Float>, _ a: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>,
        _ b: UnsafeMutablePointer<Float>, _ c: UnsafeMutablePointer<Float>, _ n: Int
    ) {
        guard n & 7 == 0 else { for j in 0..<n { out[j] = g[j] * a[j] + x[j] * b[j] + c[j] }; return }
        var j = 0
        while j < n {
            store(load(g + j) * load(a + j) + load(x + j) * load(b + j) + load(c + j), out + j)
            j &+= 8
        }
    }
}
