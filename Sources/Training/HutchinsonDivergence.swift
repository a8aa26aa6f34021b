import Diffusion
import Engine
import Foundation
import Stats

/// A `Denoiser` whose divergence ∇ₓ·output is estimated by Hutchinson's trace estimator,
/// tr(J) ≈ (1/K) Σ_k v_kᵀ J v_k with Rademacher probes v_k ∈ {−1, +1}^d (Hutchinson 1989; used for
/// the probability-flow likelihood by Grathwohl et al. 2019 and Song et al. 2021, app. D.2): one
/// vector–Jacobian product per probe instead of d. The probes are fixed for the model's lifetime
/// (one draw per row of the batch being integrated), so the ODE stays a smooth system and the
/// estimate of log p is unbiased with the variance of the probes.
public struct HutchinsonModel<Network: Denoiser>: DivergenceModel {
    public let base: NetworkModel<Network>
    /// K probes, each [rows] + sampleShape with entries ±1.
    public let probes: [Tensor]

    /// A model for batches of `rows` rows with `count` probes drawn from `rng`.
    public init(_ base: NetworkModel<Network>, rows: Int, count: Int, rng: GSLRandom) {
        precondition(count >= 1, "HutchinsonModel: at least one probe")
        self.base = base
        let shape = [rows] + base.network.sampleShape
        let size = shape.reduce(1, *)
        probes = (0..<count).map { _ in Tensor(shape: shape, scalars: (0..<size).map { _ in rng.uniformInt(below: 2) == 0 ? -1 : 1 }) }
    }

    public var prediction: Prediction { base.prediction }
    public func callAsFunction(_ x: Tensor, time: Double) -> Tensor { base(x, time: time) }

    /// The output and (1/K) Σ_k v_kᵀ J v_k per row: per probe one backward pass seeded with v_k
    /// gives v_kᵀJ, whose dot product with v_k is the estimate. Row blocks run on their own tapes.
    public func outputAndDivergence(_ x: Tensor, time: Double) -> (output: Tensor, divergence: [Double]) {
        let (rows, d) = x.batchShape
        precondition(probes[0].shape[0] == rows, "HutchinsonModel: probes for \(probes[0].shape[0]) rows, batch of \(rows)")
        let t = base.process.networkTime(time)
        let blocks = Parallel.rowBlocks(rows)
        nonisolated(unsafe) var parts = [(Tensor, [Double])](repeating: (Tensor(zeros: [0]), []), count: blocks.count - 1)
        Parallel.blocks(blocks.count - 1) { b in
            let range = blocks[b]..<blocks[b + 1]
            let labels = base.labels(range, of: rows)
            var divergence = [Double](repeating: 0, count: range.count)
            var output = Tensor(zeros: [0])
            for (k, probe) in probes.enumerated() {
                let tape = Tape()
                let input = tape.input(x.rows(range), requiresGradient: true)
                let out = base.network(input, times: [Float](repeating: t, count: range.count), labels: labels)
                let v = probe.rows(range)
                tape.backward(out, seed: v, accumulateIntoParameters: false)
                let g = tape.gradient(of: input)!.scalars
                for r in 0..<range.count {
                    var s = 0.0
                    for j in 0..<d { s += Double(g[r * d + j]) * Double(v.scalars[r * d + j]) }
                    divergence[r] += s / Double(probes.count)
                }
                if k == 0 { output = out.value }
            }
            parts[b] = (output, divergence)
        }
        return (Tensor.concatenatingRows(parts.map(\.0)), parts.flatMap(\.1))
    }
}
