import Datasets
import Diffusion
import Engine
import Foundation
import NN
import Plotting
import Samplers
import Stats

/// One `toy run`: train (or resume), checkpoint, sample with the EMA weights and write the run
/// folder. Library code: the CLI only parses flags and prints what this returns.
public struct ToyRun {
    public let directory: RunDirectory
    public var quiet = false
    /// Format of the figures in plots/.
    public var figureFormat = FigureFormat.png
    /// Where progress notes go (stderr in the CLI).
    public var log: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }

    public init(directory: RunDirectory) { self.directory = directory }

    /// Starts a new run in a fresh (or, with `force`, reused) folder.
    public func start(_ configuration: RunConfiguration, force: Bool) throws -> RunRecord {
        var configuration = configuration
        try configuration.validate()
        if configuration.sigmaMax == nil && (configuration.process == .ve || configuration.process == .ncsn) {
            configuration.sigmaMax = RunConfiguration.largestPairwiseDistance(TrainingSession.trainingDraw(configuration))
        }
        try directory.prepareNew(force: force)
        let session = try TrainingSession(configuration)
        try FileFormats.write(FileFormats.pointsCSV(session.data), to: directory.dataCSV)
        return try execute(session)
    }

    /// Continues the run in `directory` from its checkpoint; `trainSteps` may extend it.
    public func resume(trainSteps: Int? = nil, threads: Int? = nil) throws -> RunRecord {
        var configuration = try RunRecord.load(directory).configuration
        if let trainSteps { configuration.trainSteps = trainSteps }
        if let threads { configuration.threads = threads }
        try configuration.validate()
        try directory.checkWritable()
        let session = try TrainingSession(configuration)
        let file = directory.checkpoint
        try session.restore(try Safetensors(contentsOf: file), file: file.path)
        log("resuming \(directory.url.path) at step \(session.step) of \(configuration.trainSteps)")
        return try execute(session)
    }

    func writeRecord(_ record: RunRecord) throws {
        try FileFormats.write(try FileFormats.json(record), to: directory.config)
    }

    func saveCheckpoint(_ session: TrainingSession) throws {
        try session.checkpoint().write(to: directory.checkpoint)
        let rows = session.losses.enumerated().map { [Double($0.offset + 1), Double($0.element)] }
        try FileFormats.write(FileFormats.table(header: ["step", "loss"], rows: rows), to: directory.lossCSV)
    }

    func execute(_ session: TrainingSession) throws -> RunRecord {
        let c = session.configuration
        BLAS.setThreads(c.threads)
        if let warning = (session.process as? DiscreteDDPM)?.priorWarning { log(warning) }
        var record = RunRecord(configuration: c, toolkit: .current(), status: "training")
        try writeRecord(record)

        // Training.
        Interrupt.install()
        let firstStep = session.step
        var lastCheckpoint: Int? = FileManager.default.fileExists(atPath: directory.checkpoint.path) ? firstStep : nil
        let progress = Progress(label: "train", total: c.trainSteps, quiet: quiet)
        let trainStart = Date()
        let trainSteps = c.model == .exact ? 0 : c.trainSteps  // an exact model needs no training
        while session.step < trainSteps {
            if Interrupt.requested {
                Interrupt.simulate(false)
                try saveCheckpoint(session)
                record.status = "interrupted"
                try writeRecord(record)
                throw RunError.interrupted(step: session.step, directory: directory.url.path, dataset: c.dataset.rawValue)
            }
            let loss = session.trainStep()
            guard loss.isFinite else {
                record.status = "diverged"
                try writeRecord(record)
                throw RunError.diverged(
                    step: session.step + 1, lastGood: lastCheckpoint, directory: directory.url.path,
                    lr: c.lr, dataset: c.dataset.rawValue)
            }
            if session.step % c.checkpointEvery == 0 || session.step == c.trainSteps {
                try saveCheckpoint(session)
                lastCheckpoint = session.step
            }
            progress.update(session.step, loss: Double(loss), startedAt: firstStep)
        }
        let trainingSeconds = Date().timeIntervalSince(trainStart)
        let model: any DenoisingModel
        if c.model == .exact {
            model = try exactModel(c, process: session.process)
        } else {
            if session.step == firstStep { try saveCheckpoint(session) }
            try session.modelFile().write(to: directory.model)
            model = NetworkModel(network: try session.emaNetwork(), prediction: c.prediction, process: session.process)  // the EMA weights
        }

        // Sampling.
        let sampleStart = Date()
        let sampleProgress = Progress(label: "sample", total: c.sampleSteps, quiet: quiet)
        let result = try drawSamples(
            model: model, process: session.process, configuration: c, capture: Set((0...16).map { $0 * c.sampleSteps / 16 })
        ) { sampleProgress.update($0) }
        let samplingSeconds = Date().timeIntervalSince(sampleStart)
        let samples = result.samples.scalars
        try FileFormats.write(FileFormats.pointsCSV(samples), to: directory.samplesCSV)
        try FileFormats.write(FileFormats.npy(samples, shape: [c.samples, 2]), to: directory.samplesNPY)
        var rows: [[Double]] = []
        for (step, time, x) in result.trajectory {
            for i in 0..<(x.count / 2) { rows.append([Double(step), time, Double(x.scalars[2 * i]), Double(x.scalars[2 * i + 1])]) }
        }
        try FileFormats.write(FileFormats.table(header: ["step", "t", "x", "y"], rows: rows), to: directory.trajectoryCSV)

        // Metrics against fresh data.
        let evaluationStart = Date()
        let points = stride(from: 0, to: samples.count, by: 2).map { SIMD2(Double(samples[$0]), Double(samples[$0 + 1])) }
        let evaluation = try? evaluateSamples(points, dataset: c.dataset, noise: c.noise, seed: c.seed, threads: c.threads)
        if let evaluation { try FileFormats.write(try FileFormats.json(evaluation), to: directory.metrics) }
        let evaluationSeconds = Date().timeIntervalSince(evaluationStart)

        // Figures (data, scripts and, when gnuplot is installed, images) in plots/.
        do {
            let (_, notice) = try RunPlots(directory: directory).write(format: figureFormat)
            if let notice { log(notice) }
        } catch {
            log("figures were not rendered: \(error)")
        }

        // Record.
        let finite = stride(from: 0, to: samples.count, by: 2).filter { samples[$0].isFinite && samples[$0 + 1].isFinite }
        func moments(_ xy: [Float], _ idx: [Int]) -> (mean: [Double], std: [Double]) {
            guard idx.count >= 2 else { return ([.nan, .nan], [.nan, .nan]) }
            let sx = Summary(idx.map { Double(xy[$0]) }), sy = Summary(idx.map { Double(xy[$0 + 1]) })
            return ([sx.mean, sy.mean], [sx.standardDeviation, sy.standardDeviation])
        }
        let sampleMoments = moments(samples, finite)
        let dataMoments = moments(session.data, Array(stride(from: 0, to: session.data.count, by: 2)))
        let trained = session.step - firstStep
        let tail = session.losses.suffix(100)
        record.status = "complete"
        record.timings = .init(
            trainingSeconds: trainingSeconds, samplingSeconds: samplingSeconds, evaluationSeconds: evaluationSeconds,
            totalSeconds: trainingSeconds + samplingSeconds + evaluationSeconds,
            stepsPerSecond: trained > 0 ? Double(trained) / trainingSeconds : 0)
        record.results = .init(
            trainedSteps: session.step, finalLoss: tail.isEmpty ? nil : tail.map(Double.init).reduce(0, +) / Double(tail.count),
            modelEvaluations: result.modelEvaluations, nonFiniteSamples: c.samples - finite.count,
            sampleMean: sampleMoments.mean, sampleStd: sampleMoments.std,
            dataMean: dataMoments.mean, dataStd: dataMoments.std)
        try writeRecord(record)
        return record
    }
}

/// `configuration.samples` samples from the prior N(0, s² I) of the sampling stream through the
/// configured sampler.
public func drawSamples(
    model: any DenoisingModel, process: any NoiseProcess, configuration c: RunConfiguration, capture: Set<Int> = [],
    steps: Int? = nil, progress: (Int) -> Void = { _ in }
) throws -> SamplingResult {
    let rng = GSLRandom(seed: c.seed, stream: .sampling)
    let s = Float(process.priorStandardDeviation)
    let initial = Tensor(shape: [c.samples, 2], scalars: rng.gaussians(2 * c.samples).map { s * $0 })
    do {
        return try c.sampler.sampler.sample(
            model: model, process: process, initial: initial, options: c.samplingOptions(capture: capture, steps: steps), rng: rng,
            progress: progress)
    } catch let error as ODEError {
        throw RunError.invalid("sampling failed: \(error). Try --ode-method rkf45 or a larger --ode-tolerance.")
    }
}

/// The closed-form denoiser of a Gaussian-mixture dataset under the run's process.
public func exactModel(_ c: RunConfiguration, process: any NoiseProcess) throws -> GaussianMixtureModel {
    guard let m = c.dataset.mixture(noise: c.noise) else {
        throw RunError.invalid(
            "--model exact: \(c.dataset.rawValue) has no closed-form score; use one of \(ToyDataset.withExactScore.map(\.rawValue).joined(separator: ", "))."
        )
    }
    return GaussianMixtureModel(process: process, weights: m.weights, means: m.means, standardDeviations: m.standardDeviations)
}
