import Diffusion
import Engine
import Foundation
import NN

/// An `MLPDenoiser` as samplers see it: evaluated without recording, one time for the batch.
public struct NetworkModel: DenoisingModel {
    public let network: MLPDenoiser
    public let prediction: Prediction

    public init(network: MLPDenoiser, prediction: Prediction) {
        self.network = network
        self.prediction = prediction
    }

    public func callAsFunction(_ x: Tensor, time: Float) -> Tensor {
        evaluate(network, x, times: [Float](repeating: time, count: x.shape[0]))
    }
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
    guard threads > 1 && rows >= 256 else { return run(0, rows) }
    let bounds = (0...threads).map { rows * $0 / threads }
    nonisolated(unsafe) var parts = [Tensor](repeating: Tensor(zeros: [0]), count: threads)
    BLAS.setThreads(1)
    defer { BLAS.setThreads(threads) }
    nonisolated(unsafe) let body = run
    DispatchQueue.concurrentPerform(iterations: threads) { p in parts[p] = body(bounds[p], bounds[p + 1]) }
    let width = parts[0].shape.last ?? d
    return Tensor(shape: [rows, width], scalars: parts.flatMap(\.scalars))
}
