import Foundation

extension Tape {
    /// Group normalization (Wu & He 2018, PyTorch's GroupNorm): the channels of each sample are
    /// split into `groups` consecutive groups; within a group, over its channels and all positions,
    /// x̂ = (x − μ)/√(σ² + ε) with the biased variance σ², then y = γ_c·x̂ + β_c per channel.
    /// x is [n, c, h, w] or [n, h, w, c] (`layout`); γ, β are [c]. Statistics are taken in two
    /// passes (mean, then the mean square of x − μ), so large means cost no precision.
    /// Pullbacks (per group, m elements): ∂x = (∂x̂ − mean(∂x̂) − x̂·mean(∂x̂·x̂))/√(σ² + ε) with
    /// ∂x̂ = γ·∂y; ∂γ_c = Σ ∂y·x̂, ∂β_c = Σ ∂y over samples and positions.
    public func groupNorm(_ x: Var, groups: Int, weight: Var, bias: Var, epsilon: Float = 1e-5, layout: ImageLayout = .nchw) -> Var {
        let xv = x.value
        precondition(xv.rank == 4, "groupNorm: need a rank-4 input, got \(xv.shape)")
        let (n, c, h, w) = layout.dimensions(xv.shape)
        precondition(groups >= 1 && c % groups == 0, "groupNorm: \(c) channels do not split into \(groups) groups")
        precondition(weight.shape == [c] && bias.shape == [c], "groupNorm: γ and β must be [\(c)], got \(weight.shape) and \(bias.shape)")
        let g = GroupGeometry(batch: n, channels: c, positions: h * w, groups: groups, layout: layout)
        let (gamma, beta) = (weight.value.scalars, bias.value.scalars)
        var mean = [Float](repeating: 0, count: n * groups), rstd = mean
        var y = Tensor(zeros: xv.shape)
        xv.scalars.withUnsafeBufferPointer { px in
            y.scalars.withUnsafeMutableBufferPointer { py in
                for s in 0..<n {
                    let sums = g.channelSums(px, sample: s) { v, _ in v }
                    for k in 0..<groups { mean[s * groups + k] = Float(g.groupTotal(sums, k) / Double(g.groupSize)) }
                    let squares = g.channelSums(px, sample: s) { v, ch in
                        let d = v - mean[s * groups + ch / g.perGroup]
                        return d * d
                    }
                    for k in 0..<groups { rstd[s * groups + k] = Float(1 / (g.groupTotal(squares, k) / Double(g.groupSize) + Double(epsilon)).squareRoot()) }
                    g.forEach(sample: s) { i, ch in
                        let k = s * groups + ch / g.perGroup
                        py[i] = (px[i] - mean[k]) * rstd[k] * gamma[ch] + beta[ch]
                    }
                }
            }
        }
        return record(y, inputs: [x, weight, bias]) {
            { tape, dy in
                var dx = Tensor(zeros: xv.shape)
                var dGamma = [Double](repeating: 0, count: c), dBeta = dGamma
                xv.scalars.withUnsafeBufferPointer { px in
                    dy.scalars.withUnsafeBufferPointer { pdy in
                        dx.scalars.withUnsafeMutableBufferPointer { pdx in
                            for s in 0..<n {
                                let xhat = { (i: Int, ch: Int) -> Float in
                                    let k = s * groups + ch / g.perGroup
                                    return (px[i] - mean[k]) * rstd[k]
                                }
                                let dySums = g.channelSums(pdy, sample: s) { v, _ in v }
                                let dyXhat = g.channelSums(pdy, sample: s, index: true) { i, ch in pdy[i] * xhat(i, ch) }
                                for ch in 0..<c {
                                    dBeta[ch] += dySums[ch]
                                    dGamma[ch] += dyXhat[ch]
                                }
                                // Per group: mean(∂x̂) and mean(∂x̂·x̂), with ∂x̂ = γ·∂y.
                                var meanD = [Float](repeating: 0, count: groups), meanDX = meanD
                                for k in 0..<groups {
                                    var (a, b) = (0.0, 0.0)
                                    for ch in (k * g.perGroup)..<((k + 1) * g.perGroup) {
                                        a += Double(gamma[ch]) * dySums[ch]
                                        b += Double(gamma[ch]) * dyXhat[ch]
                                    }
                                    (meanD[k], meanDX[k]) = (Float(a / Double(g.groupSize)), Float(b / Double(g.groupSize)))
                                }
                                g.forEach(sample: s) { i, ch in
                                    let k = ch / g.perGroup
                                    pdx[i] = (gamma[ch] * pdy[i] - meanD[k] - xhat(i, ch) * meanDX[k]) * rstd[s * groups + k]
                                }
                            }
                        }
                    }
                }
                if tape.needsGradient(x) { tape.accumulate(x, dx) }
                if tape.needsGradient(weight) { tape.accumulate(weight, Tensor(shape: [c], scalars: dGamma.map(Float.init))) }
                if tape.needsGradient(bias) { tape.accumulate(bias, Tensor(shape: [c], scalars: dBeta.map(Float.init))) }
            }
        }
    }
}

/// Index arithmetic of one image batch for per-channel and per-group reductions, in either layout.
struct GroupGeometry {
    let batch, channels, positions, groups: Int
    let layout: ImageLayout
    var perGroup: Int { channels / groups }
    var groupSize: Int { perGroup * positions }

    /// Calls `body(flatIndex, channel)` for every element of sample `s`, in memory order.
    @inline(__always)
    func forEach(sample s: Int, _ body: (Int, Int) -> Void) {
        let base = s * channels * positions
        switch layout {
        case .nhwc:
            for p in 0..<positions {
                let row = base + p * channels
                for ch in 0..<channels { body(row + ch, ch) }
            }
        case .nchw:
            for ch in 0..<channels {
                let plane = base + ch * positions
                for p in 0..<positions { body(plane + p, ch) }
            }
        }
    }

    /// Per channel of sample `s`, Σ f(x, channel) over positions (Float within a channel's
    /// positions, Double across them).
    func channelSums(_ x: UnsafeBufferPointer<Float>, sample s: Int, _ f: (Float, Int) -> Float) -> [Double] {
        var sums = [Double](repeating: 0, count: channels)
        forEach(sample: s) { i, ch in sums[ch] += Double(f(x[i], ch)) }
        return sums
    }

    /// Per channel of sample `s`, Σ f(index, channel) over positions.
    func channelSums(_ x: UnsafeBufferPointer<Float>, sample s: Int, index: Bool, _ f: (Int, Int) -> Float) -> [Double] {
        var sums = [Double](repeating: 0, count: channels)
        forEach(sample: s) { i, ch in sums[ch] += Double(f(i, ch)) }
        return sums
    }

    /// Σ over the channels of group k.
    func groupTotal(_ sums: [Double], _ k: Int) -> Double { sums[(k * perGroup)..<((k + 1) * perGroup)].reduce(0, +) }
}
