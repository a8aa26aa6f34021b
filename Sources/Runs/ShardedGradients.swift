import Diffusion
import Engine
import Foundation
import NN

/// The denoising loss of a batch and its gradient with respect to every parameter of `network`
/// (in `network.parameters` order), with the batch split into `shards` row blocks on separate
/// tapes that run concurrently when `BLAS.threads` > 1: shard s of n_s rows contributes
/// (n_s/N)·(its mean loss and gradient), so the result is the whole batch's mean loss and gradient.
/// The split depends only on the batch size, never on the thread count, so 1 and 2 threads give
/// identical numbers. Small batches leave BLAS's own threads idle; shards keep both cores busy.
/// - x0, noise: [batch·d] row-major; levels: one entry per row.
public func denoisingGradients(
    network: MLPDenoiser, prediction: Prediction, x0: [Float], levels: NoiseBatch, noise: [Float], shards requested: Int
) -> (loss: Float, gradients: [Tensor]) {
    let batch = levels.alphas.count
    let d = x0.count / max(batch, 1)
    let shards = max(1, min(requested, batch))
    let bounds = (0...shards).map { batch * $0 / shards }
    let parameters = network.parameters
    let index = Dictionary(uniqueKeysWithValues: parameters.enumerated().map { (ObjectIdentifier($1), $0) })
    nonisolated(unsafe) var results = [(loss: Float, gradients: [Tensor])](repeating: (0, []), count: shards)
    func run(_ s: Int) {
        let (lo, hi) = (bounds[s], bounds[s + 1])
        let tape = Tape()
        let shard = NoiseBatch(
            alphas: Array(levels.alphas[lo..<hi]), sigmas: Array(levels.sigmas[lo..<hi]),
            networkTimes: Array(levels.networkTimes[lo..<hi]), weights: Array(levels.weights[lo..<hi]))
        let loss = denoisingLoss(
            tape: tape, prediction: prediction, x0: Tensor(shape: [hi - lo, d], scalars: Array(x0[(d * lo)..<(d * hi)])),
            noise: Tensor(shape: [hi - lo, d], scalars: Array(noise[(d * lo)..<(d * hi)])), levels: shard
        ) { network($0, times: $1) }
        let weight = Float(hi - lo) / Float(batch)
        var gradients = parameters.map { Tensor(zeros: $0.value.shape) }
        let value = loss.value.scalar
        if value.isFinite {
            tape.backward(loss, seed: Tensor(scalar: weight), accumulateIntoParameters: false)
            for (p, g) in tape.parameterGradients() { Kernels.addInPlace(&gradients[index[ObjectIdentifier(p)]!], g) }
        }
        results[s] = (weight * value, gradients)
    }
    let threads = BLAS.threads
    if threads > 1 && shards > 1 {
        // Inside the shards BLAS and elementwise loops run single-threaded.
        BLAS.setThreads(1)
        defer { BLAS.setThreads(threads) }
        nonisolated(unsafe) let body = run
        DispatchQueue.concurrentPerform(iterations: shards) { body($0) }
    } else {
        for s in 0..<shards { run(s) }
    }
    var gradients = results[0].gradients
    for r in results.dropFirst() { for i in gradients.indices { Kernels.addInPlace(&gradients[i], r.gradients[i]) } }
    return (results.map(\.loss).reduce(0, +), gradients)
}
