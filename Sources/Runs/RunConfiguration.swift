import Datasets
import Diffusion
import Foundation
import ImageData
import Models
import Samplers
import Training

/// The full, resolved configuration of one `toy run`, split by concern — each section owned and
/// defaulted by the module that uses it: `data` (Runs), `model` (Models), `process` (Diffusion),
/// `training` (Training), `sampling` (Samplers). It is what config.json records, what `--config`
/// reads and what a resume reloads: the same configuration and seed give the same numbers.
public struct RunConfiguration: Codable, Sendable, Equatable {
    public var data: DataConfiguration
    public var model = ModelConfiguration()
    public var process = ProcessConfiguration()
    public var training = TrainingOptions()
    public var sampling = SamplingConfiguration()
    public var seed: UInt64 = 0
    /// Threads for matrix products and the toolkit's own workers.
    public var threads = 2

    public init(data: DataConfiguration) { self.data = data }

    enum CodingKeys: String, CodingKey, CaseIterable { case data, model, process, training, sampling, seed, threads }

    /// Decodes a configuration, or converts the flat one written before configurations had sections.
    public init(from decoder: any Decoder) throws {
        if let legacy = try? decoder.container(keyedBy: LegacyRunConfiguration.CodingKeys.self), legacy.contains(.dataset) {
            self = try LegacyRunConfiguration(from: decoder).converted
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        data = try c.decode(DataConfiguration.self, forKey: .data)
        model = try c.decode(ModelConfiguration.self, forKey: .model)
        process = try c.decode(ProcessConfiguration.self, forKey: .process)
        training = try c.decode(TrainingOptions.self, forKey: .training)
        sampling = try c.decode(SamplingConfiguration.self, forKey: .sampling)
        seed = try c.decode(UInt64.self, forKey: .seed)
        threads = try c.decode(Int.self, forKey: .threads)
    }

    /// Checks every section, naming the flag at fault (reads a --data file to check it).
    public func validate() throws {
        try data.validate()
        if let images = data.images {
            try validate(images: images)
        } else {
            try validate(source: try data.source(seed: seed))
        }
    }

    /// Checks the sections every run has: model, process, training, sampling, threads.
    func validateSections() throws {
        do {
            try model.validate()
            try process.validate()
            if model.kind == .network { try training.validate() }
            try sampling.validate(process: process)
        } catch let error as RunError {
            throw error
        } catch {
            throw RunError.invalid("\(error)")
        }
        if threads < 1 || threads > 64 { throw RunError.invalid("--threads must be between 1 and 64, got \(threads).") }
    }

    /// Checks every section but `data` of an image run: a U-Net whose input fits the images.
    func validate(images kind: ImageDatasetKind) throws {
        try validateSections()
        guard model.kind == .network, let unet = model.unet else {
            throw RunError.invalid("\(kind.rawValue) is an image dataset: its model is a U-Net (--model network), not the 2-D MLP or an exact model.")
        }
        let shape = kind.imageShape
        guard unet.inputChannels == shape[0], unet.resolution == shape[1] else {
            throw RunError.invalid(
                "the U-Net takes \(unet.inputChannels)×\(unet.resolution)×\(unet.resolution) images; \(kind.rawValue)'s are \(shape.map(String.init).joined(separator: "×")).")
        }
        if sampling.guidanceScale > 0 && !model.conditional {
            throw RunError.invalid("--guidance-scale needs a conditional model: train with --conditional (label dropout teaches it ∅).")
        }
        if let label = sampling.label {
            guard model.conditional || sampling.classifierScale != nil else {
                throw RunError.invalid("--label needs a conditional model (train with --conditional), or classifier guidance (--classifier-scale).")
            }
            guard label < kind.classNames.count else {
                throw RunError.invalid(
                    "--label must be between 0 and \(kind.classNames.count - 1) for \(kind.rawValue) (\(kind.classNames.enumerated().map { "\($0.offset) \($0.element)" }.joined(separator: ", "))), got \(label)."
                )
            }
        }
        if data.size > kind.size(.train) {
            throw RunError.invalid("--data-size must be at most \(kind.size(.train)) (the \(kind.rawValue) training images), got \(data.size).")
        }
    }

    /// Bytes the 2-D path will hold at its peak, roughly: the MLP's weights four times (weights,
    /// Adam's two moments, EMA), a training batch's activations on the tape (about six per hidden
    /// unit and layer, with their gradients), the data, and the samples with their trajectory frames.
    var memoryEstimate2D: Double {
        let (w, d) = (Double(model.width), Double(model.depth))
        let input = 2 + 4 * Double(model.inputFrequencies) + Double(model.timeEmbedding)
        let weights = 4 * 4 * (input * w + (d - 1) * w * w + 2 * w)
        let activations = 4 * 6 * Double(training.batchSize) * (w * d + input)
        let points = 4 * 2 * (Double(data.size) + 20 * Double(sampling.samples))
        return weights + activations + points
    }

    /// Refuses a configuration that would need more than half of this machine's memory, naming the
    /// flags that set the size, before anything is allocated.
    func checkMemory() throws {
        let estimate = memoryEstimate2D
        let available = Double(ProcessInfo.processInfo.physicalMemory)
        guard estimate > available / 2 else { return }
        throw RunError.invalid(
            String(
                format: "this configuration needs about %.1f GB (of %.1f GB here): lower --width (%d), --depth (%d), --batch-size (%d), --data-size (%d) or --samples (%d).",
                estimate / 1e9, available / 1e9, model.width, model.depth, training.batchSize, data.size, sampling.samples))
    }

    /// Checks every section but `data` (checked before its source was made) against `source`.
    public func validate(source: DataSource) throws {
        try validateSections()
        try checkMemory()
        if model.unet != nil { throw RunError.invalid("U-Net options apply to image datasets; \(source.name) is 2-D data for the MLP.") }
        if model.kind == .exact && source.mixture == nil {
            throw RunError.invalid(
                "--model exact needs a dataset with a closed-form score; \(source.name) has none. Datasets with one: \(ToyDataset.withExactScore.map(\.rawValue).joined(separator: ", "))."
            )
        }
        let classes = source.classes
        if sampling.guidanceScale > 0 {
            if model.kind == .exact {
                guard sampling.label != nil else { throw RunError.invalid("--guidance-scale with --model exact needs --label K: the class to guide towards.") }
            } else if !model.conditional {
                throw RunError.invalid("--guidance-scale needs a conditional network: train with --conditional (label dropout teaches it ∅).")
            }
        }
        if sampling.classifierScale != nil && classes == 0 {
            throw RunError.invalid("--classifier-scale needs data with classes; \(source.name) has none.")
        }
        if model.conditional && classes == 0 {
            throw RunError.invalid("--conditional needs data with classes; \(source.name) has none (a --data file needs a label column).")
        }
        if let label = sampling.label {
            guard model.conditional || model.kind == .exact || sampling.classifierScale != nil else {
                throw RunError.invalid("--label needs a conditional model (--conditional, or --model exact), or classifier guidance (--classifier-scale).")
            }
            guard label < classes else {
                throw RunError.invalid("--label must be between 0 and \(classes - 1) for \(source.name), got \(label).")
            }
        }
    }

    /// The forward process (σ_max must be resolved for VE and NCSN; see `ToyRun.start`).
    public func makeProcess() throws -> any NoiseProcess {
        do { return try process.makeProcess() } catch let e as ProcessError { throw RunError.invalid(e.description) }
    }

    /// The sampling options of this configuration.
    public func samplingOptions(capture: Set<Int> = [], steps: Int? = nil) -> SamplingOptions {
        sampling.options(seed: seed, capture: capture, steps: steps)
    }

    /// σ_max as Song et al. 2021 (technique 1 of Song & Ermon 2020) choose it: the largest
    /// Euclidean distance between two training samples of `dimension` coordinates (over the first 2,000).
    public static func largestPairwiseDistance(_ data: [Float], dimension d: Int = 2) -> Double {
        let n = min(data.count / d, 2000)
        var best: Float = 0
        data.withUnsafeBufferPointer { x in
            for i in 0..<n {
                for j in (i + 1)..<max(n, i + 1) {
                    var s: Float = 0
                    for k in 0..<d {
                        let e = x[i * d + k] - x[j * d + k]
                        s += e * e
                    }
                    best = max(best, s)
                }
            }
        }
        return Double(best.squareRoot())
    }
}

/// The `data` section: a toy distribution (its noise and the size of the training draw), a
/// user's file of points with the fraction held out for evaluation, or an image dataset (the first
/// `size` images of its training split, read from `directory` or its standard folder).
public struct DataConfiguration: Codable, Sendable, Equatable {
    /// The toy dataset; nil when the points come from `file` or the data are `images`.
    public var dataset: ToyDataset?
    /// Generator noise; nil = the dataset's convention.
    public var noise: Double? = nil
    /// Size of the training draw (data.csv) of a toy dataset; training images used of an image dataset.
    public var size = 50_000
    /// A CSV (x,y and optionally label) or .npy [n, 2] file of points to train on instead.
    public var file: String? = nil
    /// Fraction of the file's points held out for metrics and likelihoods.
    public var heldOut = 0.2
    /// The image dataset; nil for 2-D data.
    public var images: ImageDatasetKind? = nil
    /// The folder of the image dataset's files; nil = its standard folder (toy list shows it).
    public var directory: String? = nil

    public init(dataset: ToyDataset) { self.dataset = dataset }

    public init(file: String) {
        dataset = nil
        self.file = file
    }

    public init(images: ImageDatasetKind, directory: String? = nil) {
        dataset = nil
        self.images = images
        self.directory = directory
        size = images.size(.train)
    }

    enum CodingKeys: String, CodingKey { case dataset, noise, size, file, heldOut, images, directory }

    /// Decodes the section; `file` and `heldOut` may be absent (runs from before user data).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        dataset = try c.decodeIfPresent(ToyDataset.self, forKey: .dataset)
        noise = try c.decodeIfPresent(Double.self, forKey: .noise)
        size = try c.decode(Int.self, forKey: .size)
        file = try c.decodeIfPresent(String.self, forKey: .file)
        heldOut = try c.decodeIfPresent(Double.self, forKey: .heldOut) ?? 0.2
        images = try c.decodeIfPresent(ImageDatasetKind.self, forKey: .images)
        directory = try c.decodeIfPresent(String.self, forKey: .directory)
    }

    /// The name of the data: the dataset's, or the file's base name.
    public var name: String {
        dataset?.rawValue ?? images?.rawValue ?? URL(fileURLWithPath: file ?? "data").deletingPathExtension().lastPathComponent
    }

    public func validate() throws {
        if size < 1 || size > 10_000_000 { throw RunError.invalid("--data-size must be between 1 and 10000000, got \(size).") }
        if let noise, !(noise >= 0 && noise <= 1e6) { throw RunError.invalid("--noise must be between 0 and 1e6, got \(noise).") }
        if !(heldOut > 0 && heldOut < 1) { throw RunError.invalid("--held-out must be in (0, 1), got \(heldOut).") }
        if [dataset != nil, file != nil, images != nil].filter({ $0 }).count != 1 {
            throw RunError.invalid("give a dataset or --data FILE (exactly one).")
        }
        if dataset == nil && noise != nil { throw RunError.invalid("--noise applies to 2-D toy datasets, not to --data files or images.") }
        if images == nil && directory != nil { throw RunError.invalid("--data-dir applies to image datasets (\(ImageDatasetKind.allCases.map(\.rawValue).joined(separator: ", "))).") }
    }

    /// Where the points come from (reads the file, if any, once).
    public func source(seed: UInt64) throws -> DataSource {
        if let images { throw RunError.invalid("\(images.rawValue) is an image dataset; its runs read images, not points.") }
        if let dataset { return .toy(dataset, noise: noise) }
        do { return .file(try UserPoints(path: file ?? "", heldOut: heldOut, seed: seed)) } catch let e as PointsCSV.ReadError {
            throw RunError.invalid(e.description)
        }
    }
}
