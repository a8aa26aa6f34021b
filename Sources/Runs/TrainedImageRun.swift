import Diffusion
import Engine
import Foundation
import ImageData
import Models
import NN
import Plotting
import Samplers
import Training

/// A finished image run loaded back for sampling or likelihoods: its configuration, process and
/// the EMA U-Net of model.safetensors.
public struct TrainedImageRun {
    public let directory: RunDirectory
    public let configuration: RunConfiguration
    public let process: any NoiseProcess
    public let kind: ImageDatasetKind
    public let network: UNet

    public init(_ directory: RunDirectory) throws {
        self.directory = directory
        let c = try RunRecord.load(directory).configuration
        guard let kind = c.data.images else { throw RunError.invalid("'\(directory.url.path)' is a run of 2-D data, not of images.") }
        try c.validate()
        configuration = c
        self.kind = kind
        process = try c.makeProcess()
        let file = directory.model
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw RunError.notARun(path: directory.url.path, missing: "model.safetensors (has the run finished training?)")
        }
        let network = try c.makeUNet(classes: kind.classNames.count)
        do { try network.load(try Safetensors(contentsOf: file).tensors) } catch let e as NNError {
            throw CheckpointError.corrupt(file: file.path, reason: e.description)
        }
        self.network = network
    }

    /// The EMA network as samplers see it under `c`, with `c`'s sampling labels (and guidance).
    /// Classifier guidance loads the run's classifier (RUN/classifier.safetensors, or `classifier`).
    public func model(for c: RunConfiguration, classifier: URL? = nil) throws -> any DenoisingModel {
        let guide = try c.sampling.classifierGuidance > 0 ? GuidanceClassifierRecord.load(classifier ?? GuidanceClassifierRecord.weights(directory), for: c, process: process) : nil
        return c.samplingModel(network, process: process, labels: c.imageSamplingLabels(classes: kind.classNames.count), classifier: guide)
    }
}

/// One sampling of a trained image run (what `toy sample` writes as sampling.json beside
/// samples.npy and the samples' grid): the configuration, the model evaluations and wall time it
/// took, and the images' quality against the test split.
public struct ImageSamplingRecord: Codable, Sendable {
    public var configuration: RunConfiguration
    public var modelEvaluations: Int
    public var seconds: Double
    /// Final pixels outside [0, 1] by the last step's rounding, clipped into it; samples with non-finite pixels.
    public var clippedPixels: Int
    public var nonFiniteSamples: Int
    /// nil when the samples could not be scored (non-finite pixels, or no test split).
    public var quality: ImageEvaluation?
    public var toolkit: Toolkit

    /// Samples `trained` with `c`'s sampler settings, writes samples.npy, sampling.json and the
    /// grid (samples.png with its .gp and .dat) into `folder`, and scores the images (unless not `metrics`).
    public static func make(
        _ trained: TrainedImageRun, configuration c: RunConfiguration, folder: URL, format: FigureFormat = .png, metrics: Bool = true,
        classifier: URL? = nil, log: (String) -> Void = { _ in }
    ) throws -> ImageSamplingRecord {
        Threads.set(c.threads)
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw RunError.notWritable(path: folder.path, reason: error.localizedDescription)
        }
        let start = Date()
        let model = try trained.model(for: c, classifier: classifier)
        let result = try drawSamples(model: model, process: trained.process, configuration: c, sampleShape: trained.kind.imageShape)
        let seconds = Date().timeIntervalSince(start)
        let images = ImageSamples(result.samples)
        try FileFormats.write(FileFormats.npy(images.pixels, shape: images.shape), to: folder.appendingPathComponent("samples.npy"))
        var quality: ImageEvaluation?
        if metrics {
            do {
                guard images.nonFiniteSamples == 0 else { throw RunError.invalid("\(images.nonFiniteSamples) samples hold non-finite pixels") }
                let train = try c.loadImages(.train), test = try c.loadImages(.test)
                quality = try ImageEvaluation.evaluate(
                    images: images.pixels, count: images.count, dataset: trained.kind, train: train, test: test, seed: c.seed,
                    labels: c.imageSamplingLabels(classes: trained.kind.classNames.count), log: log)
            } catch {
                log("metrics were not computed: \(error)")
            }
        }
        let record = ImageSamplingRecord(
            configuration: c, modelEvaluations: result.modelEvaluations * model.evaluationsPerCall, seconds: seconds, clippedPixels: images.clippedPixels,
            nonFiniteSamples: images.nonFiniteSamples, quality: quality, toolkit: .current())
        try FileFormats.write(try FileFormats.json(record), to: folder.appendingPathComponent("sampling.json"))
        do {
            let shown = min(100, images.count)
            let labels = c.imageSamplingLabels(classes: trained.kind.classNames.count)
            let rows = (shown + 9) / 10
            let grid = try Figures.imageGrid(
                name: "samples", title: "\(trained.kind.rawValue): \(shown) samples (\(c.sampling.sampler.rawValue), \(result.modelEvaluations * model.evaluationsPerCall) model evaluations)",
                images: (0..<shown).map(images.image), channels: trained.kind.imageShape[0], height: trained.kind.imageShape[1],
                width: trained.kind.imageShape[2], columns: 10, rowLabels: labels.map { l in (0..<rows).map { trained.kind.classNames[l[$0 * 10]] } } ?? [],
                caption: (c.sampling.clip.map { "x₀ clipped to [−\($0), \($0)] at each step; " } ?? "")
                    + "\(images.clippedPixels) final pixels outside [0, 1] by rounding, clipped")
            let (_, notice) = try writeFigures([grid], to: folder, format: format)
            if let notice { log(notice) }
        } catch {
            log("the sample grid was not rendered: \(error)")
        }
        return record
    }
}
