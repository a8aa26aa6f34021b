import Diffusion
import Engine
import Foundation
import NN

/// An `MLPDenoiser` as samplers see it: evaluated without recording, one process time for the
/// batch (the network sees the process's `networkTime`).
public struct NetworkModel: DenoisingModel {
    public let network: MLPDenoiser
    public let prediction: Prediction
    public let process: any NoiseProcess

    public init(network: MLPDenoiser, prediction: Prediction, process: any NoiseProcess) {
        self.network = network
        self.prediction = prediction
        self.process = process
    }

    public func callAsFunction(_ x: Tensor, time: Double) -> Tensor {
        evaluate(network, x, times: [Float](repeating: process.networkTime(time), count: x.shape[0]))
    }

    /// The output and its exact divergence Σ_j ∂out_j/∂x_j per row from two vector–Jacobian
    /// products in one backward pass: the batch is stacked twice and seeded with e₁ on the first
    /// copy and e₂ on the second (rows are independent, so each row's input gradient is one row of
    /// the Jacobian). 2-D points only.
    public func outputAndDivergence(_ x: Tensor, time: Double) -> (output: Tensor, divergence: [Double]) {
        let (rows, d) = x.matrixShape
        precondition(d == 2, "NetworkModel: exact divergence is for 2-D points, got d = \(d)")
        let t = process.networkTime(time)
        let blocks = rowBlocks(rows, threads: BLAS.threads)
        nonisolated(unsafe) var parts = [(Tensor, [Double])](repeating: (Tensor(zeros: [0]), []), count: blocks.count - 1)
        let network = network
        let body: (Int) -> Void = { b in
            let (lo, hi) = (blocks[b], blocks[b + 1])
            let n = hi - lo
            let block = Array(x.scalars[(lo * d)..<(hi * d)])
            let tape = Tape()
            let input = tape.input(Tensor(shape: [2 * n, d], scalars: block + block), requiresGradient: true)
            let out = network(input, times: [Float](repeating: t, count: 2 * n))
            var seed = [Float](repeating: 0, count: 2 * n * d)
            for r in 0..<n {
                seed[r * d] = 1
                seed[(n + r) * d + 1] = 1
            }
            tape.backward(out, seed: Tensor(shape: [2 * n, d], scalars: seed), accumulateIntoParameters: false)
            let g = tape.gradient(of: input)!.scalars
            let divergence = (0..<n).map { Double(g[$0 * d]) + Double(g[(n + $0) * d + 1]) }
            parts[b] = (Tensor(shape: [n, d], scalars: Array(out.value.scalars[0..<(n * d)])), divergence)
        }
        let threads = BLAS.threads
        if blocks.count > 2 {
            BLAS.setThreads(1)
            defer { BLAS.setThreads(threads) }
            nonisolated(unsafe) let run = body
            DispatchQueue.concurrentPerform(iterations: blocks.count - 1) { run($0) }
        } else {
            body(0)
        }
        return (Tensor(shape: [rows, d], scalars: parts.flatMap(\.0.scalars)), parts.flatMap(\.1))
    }
}

/// Row-block bounds for `threads` concurrent blocks (one block below 256 rows).
func rowBlocks(_ rows: Int, threads: Int) -> [Int] {
    let n = threads > 1 && rows >= 256 ? threads : 1
    return (0...n).map { rows * $0 / n }
}

/// The network's output for x [rows, d], with the rows split into one block per thread evaluated
/// concurrently (single-threaded BLAS inside each). Row blocks are independent, so the result
/// is the same for any thread count. On the MLP's shapes two single-threaded products at once
/// outrun one product on BLIS's two threads (toy-bench shapes) and keep elementwise work parallel.
public func evaluate(_ network: MLPDenoiser, _ x: Tensor, times: [Float]) -> Tensor {
    let (rows, d) = x.matrixShape
    let threads = BLAS.threads
    func run(_ lo: Int, _ hi: Int) -> Tensor {
        let tape = Tape(recording: false)
        let block = Tensor(shape: [hi - lo, d], scalars: Array(x.scalars[(lo * d)..<(hi * d)]))
        return network(tape.constant(block), times: Array(times[lo..<hi])).value
    }
    let bounds = rowBlocks(rows, threads: threads)
    guard bounds.count > 2 else { return run(0, rows) }
    nonisolated(unsafe) var parts = [Tensor](repeating: Tensor(zeros: [0]), count: bounds.count - 1)
    BLAS.setThreads(1)
    defer { BLAS.setThreads(threads) }
    nonisolated(unsafe) let body = run
    DispatchQueue.concurrentPerform(iterations: bounds.count - 1) { p in parts[p] = body(bounds[p], bounds[p + 1]) }
    let width = parts[0].shape.last ?? d
    return Tensor(shape: [rows, width], scalars: parts.flatMap(\.scalars))
}
