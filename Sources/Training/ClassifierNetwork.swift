import Diffusion
import Engine
import Foundation
import NN
import Stats

/// A noise-conditional classifier network p_φ(y | x_t, t) (Dhariwal & Nichol 2021, §4.1): class
/// logits for noised samples x_t [batch] + sampleShape at one network time per row. The 2-D MLP
/// classifier and the image CNN conform alike; `NetworkClassifier` makes either a guide.
public protocol ClassifierNetwork: Module {
    var sampleShape: [Int] { get }
    var classes: Int { get }
    /// Logits [batch, classes].
    func logits(_ x: Var, times: [Float]) -> Var
}

/// A `ClassifierNetwork` as guidance sees it, on one process: log p_φ(y | x_t) per row from the
/// log-softmax of the logits, and ∇ₓ of it by one backward pass through the tape (the rows are
/// independent, so the gradient of Σ_r log p_φ(y_r | x_r) holds each row's own gradient).
public struct NetworkClassifier<Network: ClassifierNetwork>: NoisyClassifier {
    public let network: Network
    public let process: any NoiseProcess
    /// Rows per tape (bounds the memory a recorded pass of a convolutional network holds).
    public let chunk: Int

    public init(_ network: Network, process: any NoiseProcess, chunk: Int = 100) { (self.network, self.process, self.chunk) = (network, process, chunk) }

    public var classes: Int { network.classes }

    public func logPosterior(_ x: Tensor, time: Double, labels: [Int]) -> (logProbability: [Double], gradient: Tensor) {
        let rows = x.shape[0]
        let all = labels.count == 1 ? [Int](repeating: labels[0], count: rows) : labels
        precondition(all.count == rows, "NetworkClassifier: \(labels.count) labels for \(rows) rows")
        let t = process.networkTime(time)
        var logp: [Double] = []
        var gradients: [Tensor] = []
        for lo in stride(from: 0, to: rows, by: chunk) {
            let part = lo..<min(lo + chunk, rows)
            let bounds = Parallel.rowBlocks(part.count)
            nonisolated(unsafe) var pieces = [([Double], Tensor)](repeating: ([], Tensor(zeros: [0])), count: bounds.count - 1)
            Parallel.blocks(bounds.count - 1) { b in
                let range = (part.lowerBound + bounds[b])..<(part.lowerBound + bounds[b + 1])
                let tape = Tape()
                let input = tape.input(x.rows(range), requiresGradient: true)
                let z = network.logits(input, times: [Float](repeating: t, count: range.count))
                let mine = Array(all[range])
                let loss = tape.crossEntropy(z, labels: mine)
                // ∂(mean CE)/∂x · (−n) = Σ_r ∇ log p(y_r | x_r).
                tape.backward(loss, seed: Tensor(scalar: -Float(range.count)), accumulateIntoParameters: false)
                pieces[b] = (logSoftmax(z.value, labels: mine), tape.gradient(of: input)!)
            }
            logp += pieces.flatMap(\.0)
            gradients += pieces.map(\.1)
        }
        return (logp, Tensor.concatenatingRows(gradients))
    }

    /// The most likely class of each row at `time`, without recording.
    public func predict(_ x: Tensor, time: Double) -> [Int] {
        var out: [Int] = []
        let t = process.networkTime(time)
        for lo in stride(from: 0, to: x.shape[0], by: chunk) {
            let part = x.rows(lo..<min(lo + chunk, x.shape[0]))
            let tape = Tape(recording: false)
            let z = network.logits(tape.constant(part), times: [Float](repeating: t, count: part.shape[0])).value
            let k = classes
            for r in 0..<part.shape[0] {
                let row = z.scalars[(r * k)..<((r + 1) * k)]
                out.append(row.firstIndex(of: row.max()!)! - r * k)
            }
        }
        return out
    }
}

/// log softmax(z_r)[label_r] per row of logits [n, k], shifted by the row maximum.
func logSoftmax(_ z: Tensor, labels: [Int]) -> [Double] {
    let k = z.shape[1]
    return labels.enumerated().map { r, label in
        let row = z.scalars[(r * k)..<((r + 1) * k)].map(Double.init)
        let top = row.max()!
        return row[label] - top - log(row.reduce(0) { $0 + exp($1 - top) })
    }
}

/// The recipe of a noise-conditional classifier's training: Adam on the cross-entropy of noised
/// samples x_t = α(t)·x₀ + σ(t)·ε at times drawn as the denoiser's training draws them, the rate
/// decaying from `lr` to 0 on a cosine.
public struct ClassifierTrainingOptions: Codable, Sendable, Equatable {
    public var steps: Int
    public var batchSize: Int
    public var lr: Double

    public init(steps: Int, batchSize: Int, lr: Double) { (self.steps, self.batchSize, self.lr) = (steps, batchSize, lr) }

    public func validate() throws {
        guard steps >= 1 && steps <= 10_000_000 else { throw TrainingError.invalid("--train-steps must be between 1 and 10000000, got \(steps).") }
        guard batchSize >= 1 && batchSize <= 65_536 else { throw TrainingError.invalid("--batch-size must be between 1 and 65536, got \(batchSize).") }
        guard lr > 0 && lr <= 1 else { throw TrainingError.invalid("--lr must be in (0, 1], got \(lr).") }
    }
}

extension ClassifierNetwork {
    /// Trains on `samples` [n] + sampleShape with `labels` noised by `process`; the batch rows,
    /// times and noise come from `seed`'s streams. Calls `progress(step, loss)` after each step
    /// and returns the losses; stops at a non-finite loss (returned last, weights unchanged).
    @discardableResult
    public func train(
        samples: Tensor, labels: [Int], process: any NoiseProcess, options: ClassifierTrainingOptions, seed: UInt64,
        progress: (Int, Float) -> Void = { _, _ in }
    ) -> [Float] {
        let n = labels.count
        precondition(samples.shape.first == n && n > 0, "ClassifierNetwork.train: \(n) labels for samples of shape \(samples.shape)")
        let batchRNG = GSLRandom(seed: seed, stream: .timesteps), noiseRNG = GSLRandom(seed: seed, stream: .noise)
        let optimizer = Adam(parameters: parameters)
        let per = samples.batchShape.perSample
        let batch = options.batchSize
        var losses: [Float] = []
        for step in 0..<options.steps {
            var x = [Float](repeating: 0, count: batch * per)
            var times = [Float](repeating: 0, count: batch)
            var rowLabels = [Int](repeating: 0, count: batch)
            let noise = noiseRNG.gaussians(batch * per)
            samples.scalars.withUnsafeBufferPointer { source in
                for r in 0..<batch {
                    let i = batchRNG.uniformInt(below: n)
                    let t = process.discreteSteps.map { Double(batchRNG.uniformInt(below: $0)) } ?? process.trainingTime(uniform: batchRNG.uniform())
                    let (a, s) = process.marginal(at: t)
                    for j in 0..<per { x[r * per + j] = Float(a) * source[i * per + j] + Float(s) * noise[r * per + j] }
                    times[r] = process.networkTime(t)
                    rowLabels[r] = labels[i]
                }
            }
            let tape = Tape()
            let loss = tape.crossEntropy(logits(tape.constant(Tensor(shape: [batch] + sampleShape, scalars: x)), times: times), labels: rowLabels)
            let value = loss.value.scalar
            losses.append(value)
            guard value.isFinite else { break }
            zeroGrad()
            tape.backward(loss)
            optimizer.update(lr: Float(options.lr * 0.5 * (1 + cos(Double.pi * Double(step) / Double(options.steps)))))
            progress(step, value)
        }
        return losses
    }
}
