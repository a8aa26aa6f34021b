import Diffusion
import Engine
import Foundation
import ImageData
import Models
import NN
import Samplers
import Stats
import Training

/// The image application on the shape-generic core: a configuration's training images (pixels on
/// [−1, 1], labels when conditional) and its U-Net, handed to a `TrainingSession`.
extension RunConfiguration {
    /// The image dataset of this configuration (an error when the data are 2-D).
    func imageKind() throws -> ImageDatasetKind {
        guard let kind = data.images else { throw RunError.invalid("\(data.name) is not an image dataset.") }
        return kind
    }

    /// A split of the image dataset, read from `data.directory` or its standard folder.
    public func loadImages(_ split: ImageSplit) throws -> ImageDataset {
        let kind = try imageKind()
        let d = try kind.load(split, from: data.directory)
        if split == .train && d.count < data.size {
            throw RunError.invalid("--data-size \(data.size) asks for more images than the \(d.count) of \(kind.rawValue)'s training split.")
        }
        return d
    }

    /// The first `data.size` training images on [−1, 1] (Ho et al. 2020 scale pixels so), with
    /// their labels when the model is conditional.
    func imageTrainingData(_ train: ImageDataset) -> TrainingData {
        let n = data.size
        return TrainingData(
            samples: Tensor(shape: [n] + train.imageShape, scalars: train.floats(0..<n, interval: -1...1)),
            labels: model.conditional ? Array(train.labels.prefix(n)) : nil, classes: model.conditional ? train.classes : 0)
    }

    /// The U-Net of this configuration for data with `classes` classes, initialized from the seed.
    public func makeUNet(classes: Int) throws -> UNet {
        guard let architecture = model.unetArchitecture(classes: classes) else { throw RunError.invalid("\(data.name): the model section has no U-Net.") }
        do { return try UNet(architecture, seed: seed) } catch let e as UNetError { throw RunError.invalid(e.description) }
    }

    /// A fresh training session on `train`'s images.
    func makeImageSession(train: ImageDataset) throws -> TrainingSession<UNet> {
        do {
            return try TrainingSession(
                network: try makeUNet(classes: train.classes), data: imageTrainingData(train), process: try makeProcess(),
                prediction: process.prediction, lossWeighting: process.lossWeighting, options: training, seed: seed)
        } catch let e as TrainingError { throw RunError.invalid(e.description) }
    }

    /// What an image run's model.safetensors records beside the weights.
    func imageModelMetadata(classes: Int) throws -> [String: String] {
        [
            "architecture": try canonicalJSON(model.unetArchitecture(classes: classes)), "prediction": process.prediction.rawValue,
            "schedule": process.schedule.rawValue, "timesteps": "\(process.timesteps)", "pixels": "[-1, 1]",
        ]
    }

    /// The class of each image sample: `sampling.label` for all; for a conditional run without
    /// one, class (k / 10) mod classes for sample k, so each row of the 10-wide grid is one class;
    /// nil for an unconditional run.
    public func imageSamplingLabels(classes: Int) -> [Int]? {
        if let label = sampling.label { return [Int](repeating: label, count: sampling.samples) }
        guard model.conditional || sampling.classifierScale != nil else { return nil }
        return (0..<sampling.samples).map { ($0 / 10) % classes }
    }
}

extension ToyRun {
    /// Starts a new image run: reads the training split, trains the U-Net, samples, measures, plots.
    func startImages(_ configuration: RunConfiguration, force: Bool) throws -> RunRecord {
        var c = configuration
        try c.validate()
        let train = try c.loadImages(.train)
        if c.process.needsSigmaMax {
            c.process.sigmaMax = RunConfiguration.largestPairwiseDistance(train.floats(0..<min(train.count, 2000), interval: -1...1), dimension: train.imageSize)
        }
        let lock = try directory.prepareNew(force: force)
        defer { lock.release() }
        let session = try c.makeImageSession(train: train)
        return try executeImages(session, configuration: c, train: train)
    }

    /// Continues an image run from its checkpoint.
    func resumeImages(_ c: RunConfiguration) throws -> RunRecord {
        try c.validate()
        let lock = try directory.prepareResume()
        defer { lock.release() }
        let train = try c.loadImages(.train)
        let session = try c.makeImageSession(train: train)
        try restoreCheckpoint(session, of: c)
        return try executeImages(session, configuration: c, train: train)
    }

    func executeImages(_ session: TrainingSession<UNet>, configuration c: RunConfiguration, train: ImageDataset) throws -> RunRecord {
        var record = RunRecord(configuration: c, toolkit: .current(), status: .training)
        let (firstStep, trainingSeconds) = try self.train(session, configuration: c, record: &record)
        if session.step == firstStep { try saveCheckpoint(session, configuration: c) }
        try session.modelFile(metadata: try c.imageModelMetadata(classes: train.classes)).write(to: directory.model)
        let ema = try session.emaNetwork()
        let labels = c.imageSamplingLabels(classes: train.classes)
        let model = c.samplingModel(ema, process: session.process, labels: labels)

        // Sampling, with the reverse process captured at 17 steps even in log-SNR.
        let sampleStart = Date()
        let progress = Progress(label: "sample", total: c.sampling.steps, quiet: quiet)
        let result = try drawSamples(
            model: model, process: session.process, configuration: c, sampleShape: train.imageShape,
            capture: frameSteps(process: session.process, kind: c.process.kind, steps: c.sampling.steps)
        ) { progress.update($0) }
        let samplingSeconds = Date().timeIntervalSince(sampleStart)
        let images = ImageSamples(result.samples)
        try FileFormats.write(FileFormats.npy(images.pixels, shape: images.shape), to: directory.samplesNPY)

        // Metrics against the test split.
        let evaluationStart = Date()
        do {
            guard images.nonFiniteSamples == 0 else { throw RunError.invalid("\(images.nonFiniteSamples) samples hold non-finite pixels") }
            let test = try c.loadImages(.test)
            let evaluation = try ImageEvaluation.evaluate(
                images: images.pixels, count: images.count, dataset: try c.imageKind(), train: train, test: test, seed: c.seed, labels: labels,
                classifierDirectory: classifierDirectory, log: log)
            try FileFormats.write(try FileFormats.json(evaluation), to: directory.metrics)
        } catch {
            log("metrics were not computed: \(error)")
        }
        let evaluationSeconds = Date().timeIntervalSince(evaluationStart)

        // Figures.
        do {
            let inputs = ImagePlots.Inputs(
                configuration: c, train: train, samples: images, labels: labels, losses: session.losses.map(Double.init),
                trajectory: result.trajectory.map { ($0.time, $0.x) })
            let (_, notice) = try ImagePlots(directory: directory).write(format: figureFormat, inputs: inputs)
            if let notice { log(notice) }
        } catch {
            log("figures were not rendered: \(error)")
        }

        let trained = session.step - firstStep
        let tail = session.losses.suffix(100)
        let dataMoments = channelMoments(train.floats(0..<c.data.size), channels: train.channels, plane: train.height * train.width)
        let sampleMoments = channelMoments(images.pixels, channels: train.channels, plane: train.height * train.width)
        record.status = .complete
        record.timings = .init(
            trainingSeconds: trainingSeconds, samplingSeconds: samplingSeconds, evaluationSeconds: evaluationSeconds,
            totalSeconds: trainingSeconds + samplingSeconds + evaluationSeconds, stepsPerSecond: trained > 0 ? Double(trained) / trainingSeconds : 0)
        record.results = .init(
            trainedSteps: session.step, finalLoss: tail.isEmpty ? nil : tail.map(Double.init).reduce(0, +) / Double(tail.count),
            modelEvaluations: result.modelEvaluations * model.evaluationsPerCall, nonFiniteSamples: images.nonFiniteSamples, sampleMean: sampleMoments.mean,
            sampleStd: sampleMoments.std, dataMean: dataMoments.mean, dataStd: dataMoments.std, clippedPixels: images.clippedPixels)
        try writeRecord(record)
        return record
    }
}

/// Image samples as a run keeps them: pixels x/2 + 1/2 of the sampler's x ∈ [−1, 1], as float32
/// [n, C, H, W] on [0, 1]. Finite pixels the last step's rounding left outside [0, 1] are clipped
/// into it and counted (`clippedPixels`, recorded in config.json); non-finite ones are kept as they
/// are and their images counted.
public struct ImageSamples {
    public let pixels: [Float]
    public let shape: [Int]
    public let clippedPixels: Int
    public let nonFiniteSamples: Int

    public init(_ x: Tensor) {
        shape = x.shape
        var clipped = 0
        pixels = x.scalars.map { v in
            let p = v / 2 + 0.5
            guard p.isFinite else { return p }
            if p < 0 || p > 1 { clipped += 1 }
            return min(max(p, 0), 1)
        }
        clippedPixels = clipped
        let size = shape.dropFirst().reduce(1, *), p = pixels
        nonFiniteSamples = (0..<(shape.first ?? 0)).filter { i in p[(i * size)..<((i + 1) * size)].contains { !$0.isFinite } }.count
    }

    public var count: Int { shape[0] }
    public var imageSize: Int { shape.dropFirst().reduce(1, *) }
    /// Image `i` ([C, H, W] values).
    public func image(_ i: Int) -> [Float] { Array(pixels[(i * imageSize)..<((i + 1) * imageSize)]) }
}

/// Mean and standard deviation per channel of [n, C, H, W] values with planes of `plane` = H·W
/// values (finite values only).
func channelMoments(_ values: [Float], channels: Int, plane: Int) -> (mean: [Double], std: [Double]) {
    var sum = [Double](repeating: 0, count: channels), square = sum, count = sum
    values.withUnsafeBufferPointer { v in
        for k in 0..<(v.count / plane) {
            let c = k % channels
            for x in v[(k * plane)..<((k + 1) * plane)] where x.isFinite {
                sum[c] += Double(x)
                square[c] += Double(x) * Double(x)
                count[c] += 1
            }
        }
    }
    let mean = (0..<channels).map { sum[$0] / count[$0] }
    let std = (0..<channels).map { c -> Double in
        let sumOfSquares: Double = square[c] - count[c] * mean[c] * mean[c]
        return max(0, sumOfSquares / (count[c] - 1)).squareRoot()
    }
    return (mean, std)
}
