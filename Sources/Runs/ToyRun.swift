import Datasets
import Diffusion
import Engine
import Foundation
import Models
import NN
import Plotting
import Samplers
import Stats
import Training

/// One `toy run`: train (or resume), checkpoint, sample with the EMA weights and write the run
/// folder. Library code: the CLI only parses flags and prints what this returns.
public struct ToyRun {
    public let directory: RunDirectory
    public var quiet = false
    /// Format of the figures in plots/.
    public var figureFormat = FigureFormat.png
    /// Whether the user asked to stop (Ctrl-C); tests substitute their own.
    public var interruptRequested: () -> Bool = { Interrupt.requested }
    /// Where progress notes go (stderr in the CLI).
    public var log: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
    /// Where image runs cache the feature classifier of their metrics (tests use their own folder).
    public var classifierDirectory = FeatureClassifier.cacheDirectory

    public init(directory: RunDirectory) { self.directory = directory }

    /// Starts a new run in a fresh (or, with `force`, reused) folder.
    public func start(_ configuration: RunConfiguration, force: Bool) throws -> RunRecord {
        try configuration.refuseUntrainedClassifier()
        if configuration.data.images != nil { return try startImages(configuration, force: force) }
        var configuration = configuration
        try configuration.data.validate()
        let source = try configuration.data.source(seed: configuration.seed)
        try configuration.validate(source: source)
        let draw = configuration.trainingDraw(source)
        let xy = draw.points.flatMap { [Float($0.x), Float($0.y)] }
        if configuration.process.needsSigmaMax {
            let largest = RunConfiguration.largestPairwiseDistance(xy)
            guard largest > configuration.process.sigmaMin else {
                throw RunError.invalid(
                    "--process \(configuration.process.kind.rawValue) takes σ_max from the data — the largest distance between training points, \(largest) here — and it does not exceed --sigma-min \(configuration.process.sigmaMin): lower --sigma-min, give --sigma-max, or use more data (--data-size).")
            }
            configuration.process.sigmaMax = largest
        }
        let lock = try directory.prepareNew(force: force)
        defer { lock.release() }
        let session = try configuration.makeSession(draw: draw, classes: source.classes)
        try FileFormats.write(FileFormats.pointsCSV(xy), to: directory.dataCSV)
        return try execute(session, configuration: configuration, source: source)
    }

    /// Continues the run in `directory` from its checkpoint; `trainSteps` may extend it and `lr`
    /// changes the peak learning rate of the schedule from here on (recorded in config.json).
    public func resume(trainSteps: Int? = nil, threads: Int? = nil, lr: Double? = nil) throws -> RunRecord {
        var configuration = try RunRecord.load(directory).configuration
        if let trainSteps { configuration.training.steps = trainSteps }
        if let lr, lr != configuration.training.lr {
            log("resuming with --lr \(lr) (the run had \(configuration.training.lr)); config.json records the new rate")
            configuration.training.lr = lr
        }
        if let threads { configuration.threads = threads }
        if configuration.data.images != nil { return try resumeImages(configuration) }
        try configuration.data.validate()
        let source = try configuration.data.source(seed: configuration.seed)
        try configuration.validate(source: source)
        let lock = try directory.prepareResume()
        defer { lock.release() }
        let session = try configuration.makeSession(draw: configuration.trainingDraw(source), classes: source.classes)
        try restoreCheckpoint(session, of: configuration)
        return try execute(session, configuration: configuration, source: source)
    }

    func execute(_ session: TrainingSession<MLPDenoiser>, configuration c: RunConfiguration, source: DataSource) throws -> RunRecord {
        var record = RunRecord(configuration: c, toolkit: .current(), status: .training)
        let (firstStep, trainingSeconds) = try train(session, configuration: c, record: &record)
        let labels = c.samplingLabels(source)
        // The sampling model (with its labels) and the unconditional one the score field shows.
        let model: any DenoisingModel, unconditional: any DenoisingModel
        if c.model.kind == .exact {
            model = try exactSamplingModel(c, source: source, process: session.process)
            var whole = c
            whole.sampling.label = nil
            unconditional = try exactModel(whole, source: source, process: session.process)
        } else {
            if session.step == firstStep { try saveCheckpoint(session, configuration: c) }
            try session.modelFile(metadata: try c.modelMetadata(classes: source.classes)).write(to: directory.model)
            let ema = try session.emaNetwork()
            model = c.samplingModel(ema, process: session.process, labels: labels)
            unconditional = NetworkModel(network: ema, prediction: c.process.prediction, process: session.process)
        }

        // Sampling.
        let sampleStart = Date()
        let sampleProgress = Progress(label: "sample", total: c.sampling.steps, quiet: quiet)
        let result = try drawSamples(
            model: model, process: session.process, configuration: c, capture: frameSteps(process: session.process, kind: c.process.kind, steps: c.sampling.steps)
        ) { sampleProgress.update($0) }
        let samplingSeconds = Date().timeIntervalSince(sampleStart)
        let samples = result.samples.scalars
        try FileFormats.write(FileFormats.pointsCSV(samples, labels: labels), to: directory.samplesCSV)
        try FileFormats.write(FileFormats.npy(samples, shape: [c.sampling.samples, 2]), to: directory.samplesNPY)
        var rows: [[Double]] = []
        for (step, time, x) in result.trajectory {
            for i in 0..<(x.count / 2) { rows.append([Double(step), time, Double(x.scalars[2 * i]), Double(x.scalars[2 * i + 1])]) }
        }
        try FileFormats.write(FileFormats.table(header: ["step", "t", "x", "y"], rows: rows), to: directory.trajectoryCSV)

        // Metrics against fresh data.
        let evaluationStart = Date()
        let points = stride(from: 0, to: samples.count, by: 2).map { SIMD2(Double(samples[$0]), Double(samples[$0 + 1])) }
        do {
            let evaluation = try evaluateSamples(
                points, labels: labels, source: source, seed: c.seed, threads: c.threads)
            try FileFormats.write(try FileFormats.json(evaluation), to: directory.metrics)
        } catch let error as QualityError {
            log("metrics were not computed: \(error)")
        }
        let evaluationSeconds = Date().timeIntervalSince(evaluationStart)

        // Figures (data, scripts and, when gnuplot is installed, images) in plots/.
        do {
            // From memory: the training draw, samples, loss log, trajectory and EMA model in hand.
            func points(_ xy: [Float]) -> [SIMD2<Double>] { stride(from: 0, to: xy.count, by: 2).map { SIMD2(Double(xy[$0]), Double(xy[$0 + 1])) } }
            let inputs = RunPlots.Inputs(
                configuration: c, data: points(session.data.samples.scalars), samples: points(samples),
                losses: c.model.kind == .network ? session.losses.map(Double.init) : [],
                trajectory: RunPlots.frames(result.trajectory, process: c.process.kind), model: unconditional)
            let (_, notice) = try RunPlots(directory: directory).write(format: figureFormat, inputs: inputs)
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
        let xy = session.data.samples.scalars
        let dataMoments = moments(xy, Array(stride(from: 0, to: xy.count, by: 2)))
        let trained = session.step - firstStep
        let tail = session.losses.suffix(100)
        record.status = .complete
        record.timings = .init(
            trainingSeconds: trainingSeconds, samplingSeconds: samplingSeconds, evaluationSeconds: evaluationSeconds,
            totalSeconds: trainingSeconds + samplingSeconds + evaluationSeconds,
            stepsPerSecond: trained > 0 ? Double(trained) / trainingSeconds : 0)
        record.results = .init(
            trainedSteps: session.step, finalLoss: tail.isEmpty ? nil : tail.map(Double.init).reduce(0, +) / Double(tail.count),
            modelEvaluations: result.modelEvaluations * model.evaluationsPerCall, nonFiniteSamples: c.sampling.samples - finite.count,
            sampleMean: sampleMoments.mean, sampleStd: sampleMoments.std,
            dataMean: dataMoments.mean, dataStd: dataMoments.std)
        try writeRecord(record)
        return record
    }
}

/// `configuration.sampling.samples` samples of `sampleShape` (a point, or an image [C, H, W])
/// from the prior N(0, s² I) of the sampling stream through the configured sampler.
public func drawSamples(
    model: any DenoisingModel, process: any NoiseProcess, configuration c: RunConfiguration, sampleShape: [Int] = [2], capture: Set<Int> = [],
    steps: Int? = nil, progress: (Int) -> Void = { _ in }
) throws -> SamplingResult {
    let rng = GSLRandom(seed: c.seed, stream: .sampling)
    let s = Float(process.priorStandardDeviation)
    let n = c.sampling.samples
    let size = sampleShape.reduce(1, *)
    let initial = Tensor(shape: [n] + sampleShape, scalars: rng.gaussians(size * n).map { s * $0 })
    do {
        return try c.sampling.configuredSampler.sample(
            model: model, process: process, initial: initial, options: c.samplingOptions(capture: capture, steps: steps), rng: rng,
            progress: progress)
    } catch let error as ODEError {
        throw RunError.invalid("sampling failed: \(error). Try --ode-method rkf45 or a larger --ode-tolerance.")
    }
}

extension RunConfiguration {
    /// The class of each sample of a conditional run: `sampling.label` for all, or labels drawn in
    /// data proportion (from their own stream); nil for an unconditional run.
    public func samplingLabels(_ source: DataSource) -> [Int]? {
        if let label = sampling.label { return [Int](repeating: label, count: sampling.samples) }
        guard (model.conditional && model.kind == .network) || sampling.classifierScale != nil else { return nil }
        return source.labelDraw(sampling.samples, rng: GSLRandom(seed: splitMix64(seed ^ 0x1A_BE15), stream: .sampling))
    }
}

/// The exact model samplers use: the mixture (of one component for a label), guided towards
/// that component against the whole mixture when `sampling.guidanceScale` > 0. Classifier
/// guidance (`sampling.classifierScale` given, even as 0) guides the whole mixture — or the classifier-free
/// guided model when both are asked — by the exact class posterior towards the sampling labels.
public func exactSamplingModel(_ c: RunConfiguration, source: DataSource, process: any NoiseProcess) throws -> any DenoisingModel {
    var whole = c
    whole.sampling.label = nil
    let mixture = try exactModel(whole, source: source, process: process)
    var model: any DenoisingModel = try exactModel(c, source: source, process: process)
    if c.sampling.guidanceScale > 0 {
        model = GuidedModel(conditional: model, unconditional: mixture, scale: c.sampling.guidanceScale)
    } else if c.sampling.classifierScale != nil {
        model = mixture
    }
    guard c.sampling.classifierGuidance > 0, let labels = c.samplingLabels(source) else { return model }
    return ClassifierGuidance(
        model, classifier: MixturePosterior(mixture: mixture.mixture, process: process), process: process, labels: labels, scale: c.sampling.classifierGuidance)
}

/// The closed-form denoiser of a Gaussian-mixture dataset under the run's process: of the whole
/// mixture, or of one component when `sampling.label` names it.
public func exactModel(_ c: RunConfiguration, source: DataSource, process: any NoiseProcess) throws -> GaussianMixtureModel {
    guard let m = source.mixture else {
        throw RunError.invalid(
            "--model exact: \(source.name) has no closed-form score; use one of \(ToyDataset.withExactScore.map(\.rawValue).joined(separator: ", "))."
        )
    }
    if let k = c.sampling.label {
        return GaussianMixtureModel(process: process, weights: [1], means: [m.means[k]], standardDeviations: [m.standardDeviations[k]])
    }
    return GaussianMixtureModel(process: process, mixture: m)
}

/// The sampling steps whose x the trajectory keeps: 17 frames evenly spaced in log-SNR
/// λ = log(α²/σ²) along the process's sampling grid (plus the start and the final sample), so the
/// animation does not spend most frames on noise that still looks like the prior; NCSN's
/// geometric levels are already even in log σ, so there the steps are evenly spaced.
public func frameSteps(process: any NoiseProcess, kind: ProcessKind, steps: Int, frames: Int = 16) -> Set<Int> {
    let even = Set((0...frames).map { $0 * steps / frames })
    guard kind != .ncsn, steps > frames, let times = try? process.samplingTimes(steps: steps) else { return even }
    let lambdas = times.map { t -> Double in
        let (a, s) = process.marginal(at: t)
        return 2 * log(a / s)
    }
    guard let first = lambdas.first, let last = lambdas.last, last > first else { return even }
    var chosen: Set<Int> = [0, steps]
    for k in 1..<frames {
        let target = first + (last - first) * Double(k) / Double(frames)
        chosen.insert(lambdas.firstIndex { $0 >= target } ?? steps)
    }
    return chosen
}

