import Datasets
import Diffusion
import Engine
import Foundation
import Models
import NN
import Samplers
import Stats
import Training

/// A finished run loaded back for sampling or likelihoods: its configuration, process and model
/// (the EMA network of model.safetensors, or the exact mixture of a `--model exact` run).
public struct TrainedRun {
    public let directory: RunDirectory
    public let configuration: RunConfiguration
    public let process: any NoiseProcess
    /// Where the run's points come from (its --data file is read once, here).
    public let source: DataSource
    /// The EMA network; nil for an exact-model run.
    public let network: MLPDenoiser?

    public init(_ directory: RunDirectory) throws {
        self.directory = directory
        let c = try RunRecord.load(directory).configuration
        if let images = c.data.images {
            throw RunError.invalid(
                "'\(directory.url.path)' is a run of the image dataset \(images.rawValue); this command works on 2-D runs (toy sample takes image runs too).")
        }
        configuration = c
        process = try c.makeProcess()
        source = try c.data.source(seed: c.seed)
        guard c.model.kind == .network else {
            network = nil
            return
        }
        let file = directory.model
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw RunError.notARun(path: directory.url.path, missing: "model.safetensors (has the run finished training?)")
        }
        let network = c.makeNetwork(process: process, classes: source.classes)
        do { try network.load(try Safetensors(contentsOf: file).tensors) } catch let e as NNError {
            throw CheckpointError.corrupt(file: file.path, reason: e.description)
        }
        self.network = network
    }

    /// The model as samplers see it under `c` (default: the run's own configuration): the EMA
    /// network with `c`'s sampling labels, or the exact mixture (of one component for a label).
    /// Classifier guidance loads the run's classifier (RUN/classifier.safetensors, or `classifier`).
    public func model(for c: RunConfiguration? = nil, classifier: URL? = nil) throws -> any DenoisingModel {
        let c = c ?? configuration
        guard let network else {
            if classifier != nil { throw RunError.invalid("--classifier applies to trained networks; an exact run's class posterior is closed-form.") }
            return try exactSamplingModel(c, source: source, process: process)
        }
        let guide = try c.sampling.classifierGuidance > 0 ? GuidanceClassifierRecord.load(classifier ?? GuidanceClassifierRecord.weights(directory), for: c, process: process) : nil
        return c.samplingModel(network, process: process, labels: c.samplingLabels(source), classifier: guide)
    }

    /// The unconditional model (∅ for a conditional network) with its exact divergence.
    public func unconditionalModel() throws -> any DivergenceModel {
        guard let network else {
            var c = configuration
            c.sampling.label = nil
            return try exactModel(c, source: source, process: process)
        }
        return NetworkModel(network: network, prediction: configuration.process.prediction, process: process)
    }

    /// Held-out points: a fresh draw from the evaluation stream, or the held-out part of a --data
    /// file (never the training draw).
    public func heldOut(_ n: Int, seed: UInt64) -> Tensor { Tensor(points: source.heldOut(n, seed: seed)) }
}

/// The mean negative log-likelihood of held-out points in nats, with its standard error.
public struct LikelihoodReport: Codable, Sendable {
    public var dataset: String
    public var process: String
    public var points: Int
    public var meanNLL: Double
    public var standardError: Double
    /// The data's differential entropy where known: the best mean NLL any model can reach.
    public var entropy: Double?
    public var evaluations: Int
    public var odeMethod: String
    public var tolerance: Double
    /// The time ε whose density p_ε is evaluated.
    public var epsilon: Double
    public var seconds: Double
    /// How the divergence was computed: "exact" or "hutchinson (K Rademacher probes)".
    public var divergence: String?
}

extension TrainedRun {
    /// −log p_ε(x) of `n` held-out points under the probability-flow ODE.
    /// `probes`: estimate the divergence with Hutchinson's estimator and this many Rademacher
    /// probes per point instead of exactly (to measure the estimator against the exact path).
    public func negativeLogLikelihood(
        points n: Int, seed: UInt64, method: ODEMethod, tolerance: Double, epsilon: Double = 1e-5, blockSize: Int = 1000, probes: Int? = nil
    ) throws -> LikelihoodReport {
        let start = Date()
        let (nll, evaluations) = try heldOutNLL(
            points: n, seed: seed, method: method, tolerance: tolerance, epsilon: epsilon, blockSize: blockSize, probes: probes)
        let bad = nll.filter { !$0.isFinite }.count
        guard bad == 0 else {
            throw RunError.invalid(
                "the likelihood is not finite for \(bad) of \(n) points (the model's output or the ODE diverged there); try --ode-method rk8pd or a smaller --ode-tolerance.")
        }
        let s = Summary(nll)
        return LikelihoodReport(
            dataset: configuration.data.name, process: configuration.process.kind.rawValue, points: n, meanNLL: s.mean,
            standardError: s.standardDeviation / Double(n).squareRoot(), entropy: source.entropy,
            evaluations: evaluations, odeMethod: method.rawValue, tolerance: tolerance, epsilon: epsilon, seconds: Date().timeIntervalSince(start),
            divergence: probes.map { "hutchinson (\($0) Rademacher probes)" } ?? "exact")
    }

    /// −log p_ε(x) of each of `n` held-out points (the same points for any `probes`), and the
    /// model evaluations used.
    public func heldOutNLL(
        points n: Int, seed: UInt64, method: ODEMethod, tolerance: Double, epsilon: Double = 1e-5, blockSize: Int = 1000, probes: Int? = nil
    ) throws -> (nll: [Double], evaluations: Int) {
        guard process.sde != nil else {
            throw RunError.invalid(
                "toy nll needs a run of a continuous process (--process vp, ve or subvp); this run used --process \(configuration.process.kind.rawValue).")
        }
        if probes != nil && network == nil { throw RunError.invalid("--probes applies to trained networks; an exact model's divergence is closed-form.") }
        Threads.set(configuration.threads)
        let exactModel = try unconditionalModel()
        let probeRNG = GSLRandom(seed: splitMix64(seed ^ 0x4855_7463), stream: .evaluation)
        let x = heldOut(n, seed: seed)
        var logp: [Double] = []
        var evaluations = 0
        for lo in stride(from: 0, to: n, by: blockSize) {
            let hi = min(lo + blockSize, n)
            let block = Tensor(shape: [hi - lo, 2], scalars: Array(x.scalars[(2 * lo)..<(2 * hi)]))
            var model: any DivergenceModel = exactModel
            if let probes, let network {
                model = HutchinsonModel(
                    NetworkModel(network: network, prediction: configuration.process.prediction, process: process), rows: hi - lo, count: probes,
                    rng: probeRNG)
            }
            do {
                let (l, e) = try ODELikelihood(method: method, tolerance: tolerance).logLikelihood(
                    block, model: model, process: process, from: epsilon)
                logp += l
                evaluations += e
            } catch let error as ODEError {
                throw RunError.invalid("likelihood failed: \(error). Try --ode-method rkf45 or a larger --ode-tolerance.")
            }
        }
        return (logp.map { -$0 }, evaluations)
    }
}
