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
/// An op that failed on a shard's tape (a oneDNN error) makes the loss NaN and is returned as
/// `failure`, so a trainer stops as it does on divergence but can name the cause.
/// - x0, noise: [batch, …]; labels: one per row or nil; levels: one entry per row.
public func denoisingGradients(
    network: some Denoiser, prediction: Prediction, x0: Tensor, labels: [Int]? = nil, levels: NoiseBatch, noise: Tensor,
    shards requested: Int
) -> (loss: Float, gradients: [Tensor], failure: (any Error)?) {
    let batch = levels.alphas.count
    precondition(x0.shape.first == batch, "denoisingGradients: \(batch) noise levels for x0 of shape \(x0.shape)")
    let shards = max(1, min(requested, batch))
    let bounds = (0...shards).map { batch * $0 / shards }
    let parameters = network.parameters
    let index = Dictionary(uniqueKeysWithValues: parameters.enumerated().map { (ObjectIdentifier($1), $0) })
    nonisolated(unsafe) var results = [(loss: Float, gradients: [Tensor])](repeating: (0, []), count: shards)
    nonisolated(unsafe) var failures = [(any Error)?](repeating: nil, count: shards)
    func run(_ s: Int) {
        let rows = bounds[s]..<bounds[s + 1]
        let tape = Tape()
        let shard = NoiseBatch(
            alphas: Array(levels.alphas[rows]), sigmas: Array(levels.sigmas[rows]),
            networkTimes: Array(levels.networkTimes[rows]), weights: Array(levels.weights[rows]))
        let shardLabels = labels.map { Array($0[rows]) }
        let loss = denoisingLoss(tape: tape, prediction: prediction, x0: x0.rows(rows), noise: noise.rows(rows), levels: shard) {
            network($0, times: $1, labels: shardLabels)
        }
        let weight = Float(rows.count) / Float(batch)
        var gradients = parameters.map { Tensor(zeros: $0.value.shape) }
        var value = loss.value.scalar
        if value.isFinite && tape.failure == nil {
            tape.backward(loss, seed: Tensor(scalar: weight), accumulateIntoParameters: false)
            for (p, g) in tape.parameterGradients() { Kernels.addInPlace(&gradients[index[ObjectIdentifier(p)]!], g) }
        }
        if let failure = tape.failure {
            failures[s] = failure
            value = .nan
        }
        results[s] = (weight * value, gradients)
    }
    Parallel.blocks(shards) { run($0) }
    var gradients = results[0].gradients
    for r in results.dropFirst() { for i in gradients.indices { Kernels.addInPlace(&gradients[i], r.gradients[i]) } }
    return (results.map(\.loss).reduce(0, +), gradients, failures.compactMap { $0 }.first)
}
