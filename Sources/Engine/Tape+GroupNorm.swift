extension Tape {
    /// Group normalization (Wu & He 2018, PyTorch's GroupNorm), optionally followed by an activation
    /// in the same pass (GroupNorm → SiLU is how every U-Net block starts): the channels of each
    /// sample are split into `groups` consecutive groups; within a group, over its channels and all
    /// positions, x̂ = (x − μ)/√(σ² + ε) with the biased variance σ², then z = γ_c·x̂ + β_c per
    /// channel and y = f(z). x is [n, c, h, w] or [n, h, w, c] (`layout`); γ, β are [c].
    /// Statistics are taken in two passes (mean, then the mean square of x − μ) with Double sums,
    /// so large means cost no precision.
    /// Pullbacks (per group of m elements, ∂z = ∂y·f′(z), ∂x̂ = γ·∂z):
    /// ∂x = (∂x̂ − mean(∂x̂) − x̂·mean(∂x̂·x̂))/√(σ² + ε); ∂γ_c = Σ ∂z·x̂, ∂β_c = Σ ∂z over samples and positions.
    /// Samples run in parallel; per-sample parameter gradients are added in sample order, so the
    /// numbers do not depend on the thread count.
    public func groupNorm(
        _ x: Var, groups: Int, weight: Var, bias: Var, epsilon: Float = 1e-5, activation: Activation? = nil, layout: ImageLayout = .nchw
    ) -> Var {
        precondition(x.value.rank == 4, "groupNorm: need a rank-4 input, got \(x.shape)")
        guard layout == .nhwc else {
            // The kernel works on channels-last rows; NCHW goes through it and back.
            let y = groupNorm(relayout(x, from: layout, to: .nhwc), groups: groups, weight: weight, bias: bias, epsilon: epsilon, activation: activation, layout: .nhwc)
            return relayout(y, from: .nhwc, to: layout)
        }
        let xv = x.value
        let (n, c, h, w) = layout.dimensions(xv.shape)
        precondition(groups >= 1 && c % groups == 0, "groupNorm: \(c) channels do not split into \(groups) groups")
        precondition(weight.shape == [c] && bias.shape == [c], "groupNorm: γ and β must be [\(c)], got \(weight.shape) and \(bias.shape)")
        let g = GroupNormKernel(samples: n, positions: h * w, channels: c, groups: groups, epsilon: epsilon, activation: activation)
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

/// The arithmetic of `Tape.groupNorm` on channels-last rows: each sample is `positions` rows of
/// `channels` values. Per-channel sums run along the rows (so they vectorize over channels) in
/// Double; the output and input gradient are then one multiply-add per element with per-channel
/// coefficients.
struct GroupNormKernel {
    let samples, positions, channels, groups: Int
    let epsilon: Float
    let activation: Activation?
    var perGroup: Int { channels / groups }
    var sampleSize: Int { positions * channels }

    /// Σ over the rows of `f(row, channel)`, per channel, into `sums` (zeroed first).
    @inline(__always)
    private func channelSums(_ sums: UnsafeMutableBufferPointer<Double>, _ f: (Int, Int) -> Float) {
        sums.update(repeating: 0)
        for p in 0..<positions {
            for ch in 0..<channels { sums[ch] += Double(f(p * channels + ch, ch)) }
        }
    }

    /// Σ of `sums` over each group's channels.
    private func groupTotal(_ sums: UnsafeMutableBufferPointer<Double>, _ k: Int) -> Double {
        var total = 0.0
        for ch in (k * perGroup)..<((k + 1) * perGroup) { total += sums[ch] }
        return total
    }

    /// y = f(γ·x̂ + β) for every sample; `statistics` gets μ then 1/√(σ² + ε) per (sample, group).
    func forward(_ x: Tensor, gamma: Tensor, beta: Tensor, output: UnsafeMutableBufferPointer<Float>, statistics: UnsafeMutableBufferPointer<Float>) {
        nonisolated(unsafe) let (output, statistics) = (output, statistics)
        let m = Double(perGroup * positions)
        x.scalars.withUnsafeBufferPointer { px in
            gamma.scalars.withUnsafeBufferPointer { pg in
                beta.scalars.withUnsafeBufferPointer { pb in
                    nonisolated(unsafe) let (px, pg, pb) = (px, pg, pb)
                    Parallel.chunks(samples, itemSize: sampleSize) { range in
                        let sums = UnsafeMutableBufferPointer<Double>.allocate(capacity: channels)
                        let coefficients = UnsafeMutableBufferPointer<Float>.allocate(capacity: 3 * channels)
                        // z = γ·x̂ + β before the activation (distinct buffers let f(z) vectorize).
                        let z = activation == nil ? nil : UnsafeMutableBufferPointer<Float>.allocate(capacity: sampleSize)
                        defer { sums.deallocate(); coefficients.deallocate(); z?.deallocate() }
                        let (mu, a, b) = (coefficients.baseAddress!, coefficients.baseAddress! + channels, coefficients.baseAddress! + 2 * channels)
                        for s in range {
                            let xs = px.baseAddress! + s * sampleSize, ys = output.baseAddress! + s * sampleSize
                            channelSums(sums) { i, _ in xs[i] }
                            for k in 0..<groups {
                                let mean = Float(groupTotal(sums, k) / m)
                                for ch in (k * perGroup)..<((k + 1) * perGroup) { mu[ch] = mean }
                                statistics[2 * (s * groups + k)] = mean
                            }
                            channelSums(sums) { i, ch in
                                let d = xs[i] - mu[ch]
                                return d * d
                            }
                            for k in 0..<groups {
                                let rstd = Float(1 / (groupTotal(sums, k) / m + Double(epsilon)).squareRoot())
                                statistics[2 * (s * groups + k) + 1] = rstd
                                for ch in (k * perGroup)..<((k + 1) * perGroup) {
                                    a[ch] = rstd * pg[ch]
                                    b[ch] = pb[ch] - mu[ch] * a[ch]
                                }
                            }
                            let zs = z?.baseAddress ?? ys
                            for p in 0..<positions {
                                let row = p * channels
                                for ch in 0..<channels { zs[row + ch] = xs[row + ch] * a[ch] + b[ch] }
                            }
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
        nonisolated(unsafe) let dx = inputGradient
        // Per-sample ∂γ and ∂β partials, reduced after the parallel part in a fixed order.
        let partials = UnsafeMutableBufferPointer<Double>.allocate(capacity: 2 * samples * channels)
        defer { partials.deallocate() }
        nonisolated(unsafe) let parts = partials
        let m = Float(perGroup * positions)
        x.scalars.withUnsafeBufferPointer { px in
            dy.scalars.withUnsafeBufferPointer { pdy in
                gamma.scalars.withUnsafeBufferPointer { pg in
                    beta.scalars.withUnsafeBufferPointer { pb in
                        statistics.withUnsafeBufferPointer { stats in
                            nonisolated(unsafe) let (px, pdy, pg, pb, stats) = (px, pdy, pg, pb, stats)
                            Parallel.chunks(samples, itemSize: sampleSize) { range in
                                let coefficients = UnsafeMutableBufferPointer<Float>.allocate(capacity: 5 * channels)
                                let z = activation == nil ? nil : UnsafeMutableBufferPointer<Float>.allocate(capacity: sampleSize)
                                defer { coefficients.deallocate(); z?.deallocate() }
                                let base = coefficients.baseAddress!
                                let (mu, r, a, b, c0) = (base, base + channels, base + 2 * channels, base + 3 * channels, base + 4 * channels)
                                for s in range {
                                    let xs = px.baseAddress! + s * sampleSize, dxs = dx.baseAddress! + s * sampleSize
                                    for k in 0..<groups {
                                        for ch in (k * perGroup)..<((k + 1) * perGroup) {
                                            (mu[ch], r[ch]) = (stats[2 * (s * groups + k)], stats[2 * (s * groups + k) + 1])
                                        }
                                    }
                                    // ∂z: ∂y itself, or ∂y·f′(z) with z recomputed, kept in the ∂x buffer.
                                    var dz = UnsafePointer(pdy.baseAddress! + s * sampleSize)
                                    if let activation, let z {
                                        for p in 0..<positions {
                                            let row = p * channels
                                            for ch in 0..<channels { z[row + ch] = (xs[row + ch] - mu[ch]) * r[ch] * pg[ch] + pb[ch] }
                                        }
                                        activation.backward(
                                            UnsafeBufferPointer(z), UnsafeBufferPointer(start: dz, count: sampleSize),
                                            UnsafeMutableBufferPointer(start: dxs, count: sampleSize), serial: ())
                                        dz = UnsafePointer(dxs)
                                    }
                                    // Σ ∂z (∂β) and Σ ∂z·x̂ (∂γ) per channel.
                                    let dBetaS = UnsafeMutableBufferPointer(rebasing: parts[(2 * s * channels)..<((2 * s + 1) * channels)])
                                    let dGammaS = UnsafeMutableBufferPointer(rebasing: parts[((2 * s + 1) * channels)..<((2 * s + 2) * channels)])
                                    channelSums(dBetaS) { i, _ in dz[i] }
                                    channelSums(dGammaS) { i, ch in dz[i] * (xs[i] - mu[ch]) * r[ch] }
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
                                            c0[ch] = -r[ch] * meanD + mu[ch] * r[ch] * r[ch] * meanDX
                                        }
                                    }
                                    for p in 0..<positions {
                                        let row = p * channels
                                        for ch in 0..<channels { dxs[row + ch] = dz[row + ch] * a[ch] + xs[row + ch] * b[ch] + c0[ch] }
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
