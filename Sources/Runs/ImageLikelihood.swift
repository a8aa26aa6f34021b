import Diffusion
import Engine
import Foundation
import ImageData
import Samplers
import Stats
import Training

/// Bits per dimension of held-out test images under an image run's probability-flow ODE, as Song
/// et al. (2021, table 2) report them: pixels p ∈ {0, …, 255} are dequantized uniformly, y =
/// 2(p + u)/256 − 1 with u ~ U[0, 1)^D, and −log₂ P(p) ≤ −log₂ p(y) + D·log₂ 128 (the change of
/// variables from [0, 256)^D to [−1, 1)^D), so bits/dim = −log p(y) / (D ln 2) + 7. The divergence
/// is Hutchinson's estimate with Rademacher probes; the standard error over images includes the
/// probes' variance as well as the images'.
public struct ImageLikelihoodReport: Codable, Sendable {
    public var dataset: String
    public var process: String
    public var images: Int
    public var bitsPerDimension: Double
    public var standardError: Double
    /// Mean −log p(y) in nats per image (y on [−1, 1]).
    public var meanNLL: Double
    public var dimensions: Int
    public var probes: Int
    public var dequantization = "uniform"
    public var evaluations: Int
    public var odeMethod: String
    public var tolerance: Double
    public var epsilon: Double
    public var seconds: Double
}

extension TrainedImageRun {
    /// Bits per dimension of `n` test images (a seeded choice) with `probes` probes per image.
    public func bitsPerDimension(
        images n: Int, seed: UInt64, probes: Int, method: ODEMethod, tolerance: Double, epsilon: Double = 1e-5, blockSize: Int = 50
    ) throws -> ImageLikelihoodReport {
        guard process.sde != nil else {
            throw RunError.invalid(
                "toy nll needs a run of a continuous process (--process vp, ve or subvp); this run used --process \(configuration.process.kind.rawValue). Train one with toy run \(kind.rawValue) --process vp."
            )
        }
        Threads.set(configuration.threads)
        let test = try configuration.loadImages(.test)
        guard n <= test.count else { throw RunError.invalid("--points must be at most \(test.count) (the test images), got \(n).") }
        let rng = GSLRandom(seed: splitMix64(seed ^ 0x4250_44), stream: .evaluation)
        let chosen = rng.permutation(test.count).prefix(n)
        let d = test.imageSize
        let base = NetworkModel(network: network, prediction: configuration.process.prediction, process: process)
        let start = Date()
        var bits: [Double] = [], nats: [Double] = []
        var evaluations = 0
        let indices = Array(chosen)
        for lo in stride(from: 0, to: n, by: blockSize) {
            let block = Array(indices[lo..<min(lo + blockSize, n)])
            let y = block.flatMap { i in test.image(i).map { p in Float(2 * (Double(p) + rng.uniform()) / 256 - 1) } }
            let model = HutchinsonModel(base, rows: block.count, count: probes, rng: rng)
            do {
                let (logp, e) = try ODELikelihood(method: method, tolerance: tolerance).logLikelihood(
                    Tensor(shape: [block.count] + test.imageShape, scalars: y), model: model, process: process, from: epsilon)
                evaluations += e
                nats += logp.map { -$0 }
                bits += logp.map { -$0 / (Double(d) * log(2)) + 7 }
            } catch let error as ODEError {
                throw RunError.invalid("likelihood failed: \(error). Try --ode-method rkf45 or a larger --ode-tolerance.")
            }
        }
        let s = Summary(bits)
        return ImageLikelihoodReport(
            dataset: kind.rawValue, process: configuration.process.kind.rawValue, images: n, bitsPerDimension: s.mean,
            standardError: s.standardDeviation / Double(n).squareRoot(), meanNLL: nats.reduce(0, +) / Double(n), dimensions: d, probes: probes,
            evaluations: evaluations, odeMethod: method.rawValue, tolerance: tolerance, epsilon: epsilon, seconds: Date().timeIntervalSince(start))
    }
}
