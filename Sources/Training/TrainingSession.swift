import Diffusion
import Engine
import Foundation
import NN
import Stats

/// The state of a training run of any `Denoiser` on any in-memory data: network, optimizer, EMA,
/// random streams, step and loss log. Each step draws a batch (samples, their labels, process
/// times), noises it, and takes an Adam step on the denoising loss (Ho et al. 2020, alg. 1) with
/// gradient clipping, a warm-up + cosine learning rate and an EMA of the weights. Checkpointing it
/// and loading it back continues the run bit for bit.
public final class TrainingSession<Network: Denoiser> {
    public let network: Network
    public let data: TrainingData
    public let process: any NoiseProcess
    public let prediction: Prediction
    public let lossWeighting: LossWeighting
    public let options: TrainingOptions
    public let optimizer: Adam
    public let ema: EMA
    public internal(set) var step = 0
    public internal(set) var losses: [Float] = []
    /// Data indices, times and label dropout.
    let batchRNG: GSLRandom
    /// ε of the forward process.
    let noiseRNG: GSLRandom
    let schedule: LearningRateSchedule
    /// Likelihood weighting's importance density of training times.
    let importance: LikelihoodImportance?

    public init(
        network: Network, data: TrainingData, process: any NoiseProcess, prediction: Prediction, lossWeighting: LossWeighting = .simple,
        options: TrainingOptions, seed: UInt64
    ) throws {
        try options.validate()
        guard data.sampleShape == network.sampleShape else {
            throw TrainingError.invalid("the network takes samples of shape \(network.sampleShape); the data's are \(data.sampleShape).")
        }
        guard network.classes == 0 || network.classes == data.classes else {
            throw TrainingError.invalid("the network is conditioned on \(network.classes) classes; the data has \(data.classes).")
        }
        guard lossWeighting == .simple || process is ContinuousProcess else {
            throw TrainingError.invalid("likelihood weighting needs a continuous process (vp, ve or subvp).")
        }
        self.network = network
        self.data = data
        self.process = process
        self.prediction = prediction
        self.lossWeighting = lossWeighting
        self.options = options
        optimizer = Adam(parameters: network.parameters, weightDecay: Float(options.weightDecay))
        ema = EMA(parameters: network.parameters, decay: Float(options.emaDecay))
        batchRNG = GSLRandom(seed: seed, stream: .timesteps)
        noiseRNG = GSLRandom(seed: seed, stream: .noise)
        importance = lossWeighting == .likelihood ? (process as? ContinuousProcess).map { LikelihoodImportance(process: $0) } : nil
        schedule = LearningRateSchedule(peak: options.lr, warmupSteps: options.warmupSteps, totalSteps: options.steps, floor: options.lrFloor)
    }

    /// The error of an op that failed in the last step (a oneDNN failure): the step then returned
    /// NaN and left the weights as they were.
    public private(set) var failure: (any Error)?

    /// Whether the network is trained with labels.
    public var isConditional: Bool { network.classes > 0 }

    /// One optimizer step; returns the loss. A non-finite loss or gradient leaves the weights
    /// untouched and returns that value, so the caller can stop with the last good state on disk.
    @discardableResult
    public func trainStep() -> Float {
        let batch = options.batchSize
        let per = network.sampleSize
        var x0 = [Float](repeating: 0, count: per * batch)
        var times = [Double](repeating: 0, count: batch)
        var labels: [Int]? = isConditional ? [Int](repeating: 0, count: batch) : nil
        data.samples.scalars.withUnsafeBufferPointer { source in
            for r in 0..<batch {
                let i = batchRNG.uniformInt(below: data.count)
                for j in 0..<per { x0[r * per + j] = source[i * per + j] }
                // Discrete chains draw an integer step, as DDPM runs always have.
                if let steps = process.discreteSteps {
                    times[r] = Double(batchRNG.uniformInt(below: steps))
                } else {
                    let u = batchRNG.uniform()
                    times[r] = importance?.time(uniform: u) ?? process.trainingTime(uniform: u)
                }
                if labels != nil, let given = data.labels {
                    // ∅ with probability labelDropout, so one network learns p(x) and p(x | y).
                    labels![r] = options.labelDropout > 0 && batchRNG.uniform() < options.labelDropout ? network.nullLabel : given[i]
                }
            }
        }
        let shape = [batch] + network.sampleShape
        let noise = Tensor(shape: shape, scalars: noiseRNG.gaussians(per * batch))
        let (loss, gradients, failure) = shardedGradients(x0: Tensor(shape: shape, scalars: x0), labels: labels, times: times, noise: noise)
        self.failure = failure
        guard loss.isFinite else { return loss }
        network.zeroGrad()
        for (p, g) in zip(network.parameters, gradients) { p.grad = g }
        let norm = clipGradientNorm(network.parameters, maxNorm: Float(options.gradClip))
        guard norm.isFinite else { return .nan }
        optimizer.update(lr: Float(schedule.rate(at: step)))
        ema.update()
        step += 1
        losses.append(loss)
        return loss
    }

    /// The batch's mean loss and its gradient per parameter, computed in `shards` shards, and the
    /// error of an op that failed (the loss is then NaN).
    public func shardedGradients(x0: Tensor, labels: [Int]?, times: [Double], noise: Tensor) -> (Float, [Tensor], (any Error)?) {
        let levels = NoiseBatch(process: process, times: times, prediction: prediction, weighting: lossWeighting, importance: importance)
        return denoisingGradients(
            network: network, prediction: prediction, x0: x0, labels: labels, levels: levels, noise: noise, shards: network.trainingShards)
    }

    /// The EMA weights in a network of the same architecture, for sampling.
    public func emaNetwork() throws -> Network {
        let copy = network.makeSibling()
        try copy.load(ema.shadow)
        return copy
    }
}
