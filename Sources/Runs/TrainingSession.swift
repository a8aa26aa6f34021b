import Datasets
import Diffusion
import Engine
import Foundation
import NN
import Stats

/// The state of a training run: network, optimizer, EMA, random streams, step and loss log.
/// Checkpointing it and loading it back continues the run bit for bit.
public final class TrainingSession {
    public let configuration: RunConfiguration
    public let process: any NoiseProcess
    public let network: MLPDenoiser
    public let optimizer: Adam
    public let ema: EMA
    /// The training draw, interleaved (x, y), [dataSize, 2].
    public let data: [Float]
    public internal(set) var step = 0
    public internal(set) var losses: [Float] = []
    /// Data indices and timesteps.
    let batchRNG: GSLRandom
    /// ε of the forward process.
    let noiseRNG: GSLRandom
    let schedule: LearningRateSchedule
    /// Likelihood weighting's importance density of training times.
    let importance: LikelihoodImportance?

    public init(_ c: RunConfiguration) throws {
        configuration = c
        process = try c.makeProcess()
        network = MLPDenoiser(c.architecture, cachedTimesteps: process.discreteSteps ?? 0, rng: GSLRandom(seed: c.seed, stream: .initialization))
        optimizer = Adam(parameters: network.parameters, weightDecay: Float(c.weightDecay))
        ema = EMA(parameters: network.parameters, decay: Float(c.emaDecay))
        data = Self.trainingDraw(c)
        batchRNG = GSLRandom(seed: c.seed, stream: .timesteps)
        noiseRNG = GSLRandom(seed: c.seed, stream: .noise)
        importance = c.lossWeighting == .likelihood ? (process as? ContinuousProcess).map { LikelihoodImportance(process: $0) } : nil
        schedule = LearningRateSchedule(peak: c.lr, warmupSteps: c.warmupSteps, totalSteps: c.trainSteps, floor: c.lrFloor)
    }

    /// The training points of a configuration (from the data stream only).
    public static func trainingDraw(_ c: RunConfiguration) -> [Float] {
        let points = c.dataset.sample(c.dataSize, noise: c.noise, rng: GSLRandom(seed: c.seed, stream: .data))
        return points.flatMap { [Float($0.x), Float($0.y)] }
    }

    /// Shards per batch (see `denoisingGradients`).
    public static let shards = 2

    /// One optimizer step; returns the loss. A non-finite loss or gradient leaves the weights
    /// untouched and returns that value, so the caller can stop with the last good state on disk.
    @discardableResult
    public func trainStep() -> Float {
        let c = configuration
        let n = data.count / 2
        var x0 = [Float](repeating: 0, count: 2 * c.batchSize)
        var times = [Double](repeating: 0, count: c.batchSize)
        for r in 0..<c.batchSize {
            let i = batchRNG.uniformInt(below: n)
            x0[2 * r] = data[2 * i]
            x0[2 * r + 1] = data[2 * i + 1]
            // Discrete chains draw an integer step as they always have, so DDPM runs keep their numbers.
            if let steps = process.discreteSteps {
                times[r] = Double(batchRNG.uniformInt(below: steps))
            } else {
                let u = batchRNG.uniform()
                times[r] = importance?.time(uniform: u) ?? process.trainingTime(uniform: u)
            }
        }
        let noise = noiseRNG.gaussians(2 * c.batchSize)
        let (loss, gradients) = shardedGradients(x0: x0, times: times, noise: noise)
        guard loss.isFinite else { return loss }
        network.zeroGrad()
        for (p, g) in zip(network.parameters, gradients) { p.grad = g }
        let norm = clipGradientNorm(network.parameters, maxNorm: Float(c.gradClip))
        guard norm.isFinite else { return .nan }
        optimizer.update(lr: Float(schedule.rate(at: step)))
        ema.update()
        step += 1
        losses.append(loss)
        return loss
    }

    /// The batch's mean loss and its gradient per parameter, computed in `shards` shards.
    public func shardedGradients(x0: [Float], times: [Double], noise: [Float]) -> (Float, [Tensor]) {
        let levels = NoiseBatch(
            process: process, times: times, prediction: configuration.prediction, weighting: configuration.lossWeighting, importance: importance)
        return denoisingGradients(
            network: network, prediction: configuration.prediction, x0: x0, levels: levels, noise: noise, shards: Self.shards)
    }

    /// The EMA weights as a network for sampling.
    public func emaNetwork() throws -> MLPDenoiser {
        let copy = MLPDenoiser(
            configuration.architecture, cachedTimesteps: process.discreteSteps ?? 0,
            rng: GSLRandom(seed: 0))
        try copy.load(ema.shadow)
        return copy
    }
}
