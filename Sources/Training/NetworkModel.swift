import Diffusion
import Engine
import Foundation
import NN

/// A `Denoiser` as samplers see it: evaluated without recording at one process time for the
/// batch (the network sees the process's `networkTime`), with its condition fixed — one label
/// per row of the batch being sampled, a single label for every row, or none (∅).
public struct NetworkModel<Network: Denoiser>: DenoisingModel {
    public let network: Network
    public let prediction: Prediction
    public let process: any NoiseProcess
    /// Labels per row of the sampled batch (or one for all rows); nil = unconditional.
    public let labels: [Int]?

    public init(network: Network, prediction: Prediction, process: any NoiseProcess, labels: [Int]? = nil) {
        self.network = network
        self.prediction = prediction
        self.process = process
        self.labels = labels
    }

    /// The labels of rows lo..<hi of a batch of `rows`.
    func labels(_ range: Range<Int>, of rows: Int) -> [Int]? {
        guard let labels else { return nil }
        if labels.count == 1 { return [Int](repeating: labels[0], count: range.count) }
        precondition(labels.count == rows, "NetworkModel: \(labels.count) labels for a batch of \(rows)")
        return Array(labels[range])
    }

    public func callAsFunction(_ x: Tensor, time: Double) -> Tensor {
        let rows = x.shape[0]
        let t = process.networkTime(time)
        return evaluate(network, x, times: [Float](repeating: t, count: rows), labels: labels(0..<rows, of: rows))
    }
}

extension NetworkModel: DivergenceModel where Network: ExactDivergence {
    /// The output and its exact divergence Σ_j ∂out_j/∂x_j per row from d vector–Jacobian
    /// products in one backward pass: the batch is stacked d times and copy k is seeded with e_k
    /// (rows are independent, so each row's input gradient is one row of the Jacobian).
    public func outputAndDivergence(_ x: Tensor, time: Double) -> (output: Tensor, divergence: [Double]) {
        let (rows, d) = x.batchShape
        let t = process.networkTime(time)
        let blocks = Parallel.rowBlocks(rows)
        nonisolated(unsafe) var parts = [(Tensor, [Double])](repeating: (Tensor(zeros: [0]), []), count: blocks.count - 1)
        Parallel.blocks(blocks.count - 1) { b in
            let range = blocks[b]..<blocks[b + 1]
            let n = range.count
            let block = x.rows(range)
            let tape = Tape()
            let stacked = Tensor.concatenatingRows([Tensor](repeating: block, count: d))
            let input = tape.input(stacked, requiresGradient: true)
            let blockLabels = labels(range, of: rows).map { l in (0..<d).flatMap { _ in l } }
            let out = network(input, times: [Float](repeating: t, count: d * n), labels: blockLabels)
            var seed = [Float](repeating: 0, count: d * n * d)
            for k in 0..<d { for r in 0..<n { seed[(k * n + r) * d + k] = 1 } }
            tape.backward(out, seed: Tensor(shape: stacked.shape, scalars: seed), accumulateIntoParameters: false)
            let g = tape.gradient(of: input)!.scalars
            let divergence = (0..<n).map { r in (0..<d).reduce(0.0) { $0 + Double(g[($1 * n + r) * d + $1]) } }
            parts[b] = (out.value.rows(0..<n), divergence)
        }
        return (Tensor.concatenatingRows(parts.map(\.0)), parts.flatMap(\.1))
    }
}

/// The network's output for x [rows, …] — in chunks of `evaluationChunk` rows when the network has
/// one — with the rows split into one block per thread evaluated
/// concurrently (single-threaded BLAS inside each). Row blocks are independent, so the result
/// is the same for any thread count. On the MLP's shapes two single-threaded products at once
/// outrun one product on BLIS's two threads (toy-bench shapes) and keep elementwise work parallel.
public func evaluate(_ network: some Denoiser, _ x: Tensor, times: [Float], labels: [Int]? = nil) -> Tensor {
    let rows = x.shape[0]
    if let chunk = network.evaluationChunk, rows > chunk {
        // Chunks of the network's own size, one after another (each on every thread).
        let parts = stride(from: 0, to: rows, by: chunk).map { lo in
            let range = lo..<min(lo + chunk, rows)
            return evaluate(network, x.rows(range), times: Array(times[range]), labels: labels.map { Array($0[range]) })
        }
        return Tensor.concatenatingRows(parts)
    }
    let bounds = Parallel.rowBlocks(rows)
    nonisolated(unsafe) var parts = [Tensor](repeating: Tensor(zeros: [0]), count: bounds.count - 1)
    Parallel.blocks(bounds.count - 1) { p in
        let range = bounds[p]..<bounds[p + 1]
        let tape = Tape(recording: false)
        parts[p] = network(tape.constant(x.rows(range)), times: Array(times[range]), labels: labels.map { Array($0[range]) }).value
    }
    return parts.count == 1 ? parts[0] : Tensor.concatenatingRows(parts)
}
