import Diffusion
import Engine
import Foundation
import ImageData
import Models
import NN
import Stats
import Training

/// The noise-conditional classifier of a run, for classifier guidance (Dhariwal & Nichol 2021):
/// trained by `toy classifier train RUN` on the run's own training data noised by the run's own
/// process, and saved beside the model as RUN/classifier.safetensors (weights; metadata naming
/// the dataset, the process and the architecture) with RUN/classifier.json (this record). An MLP
/// for 2-D data, a small time-conditioned CNN for images.
public struct GuidanceClassifierRecord: Codable, Sendable {
    /// Test accuracy of the classifier at one noise level.
    public struct Accuracy: Codable, Sendable {
        /// The process time, its fraction of the time range, and σ/α there.
        public var time: Double
        public var unitTime: Double
        public var scaledSigma: Double
        public var accuracy: Double
        public var points: Int
    }

    public var dataset: String
    public var process: ProcessConfiguration
    /// "mlp" or "image-cnn" and its architecture as JSON.
    public var network: String
    public var architecture: String
    public var training: ClassifierTrainingOptions
    public var seed: UInt64
    public var trainingPoints: Int
    public var firstLoss: Double
    public var lastLoss: Double
    public var accuracy: [Accuracy]
    public var seconds: Double
    public var toolkit: Toolkit

    static let format = "toy-noise-conditional-classifier"

    /// The classifier files of a run.
    public static func weights(_ run: RunDirectory) -> URL { run.url.appendingPathComponent("classifier.safetensors") }
    public static func record(_ run: RunDirectory) -> URL { run.url.appendingPathComponent("classifier.json") }

    /// The training recipe `toy classifier train` uses unless told otherwise.
    public static func defaultTraining(images: Bool) -> ClassifierTrainingOptions {
        images ? ClassifierTrainingOptions(steps: 2000, batchSize: 128, lr: 2e-3) : ClassifierTrainingOptions(steps: 3000, batchSize: 256, lr: 2e-3)
    }

    /// Trains the classifier of the run in `run` and writes its two files (refusing to replace
    /// them unless `force`). 2-D: `width`/`depth` override the MLP's.
    public static func train(
        _ run: RunDirectory, options: ClassifierTrainingOptions?, width: Int? = nil, depth: Int? = nil, force: Bool = false, quiet: Bool = false,
        log: (String) -> Void = { _ in }
    ) throws -> GuidanceClassifierRecord {
        let c = try RunRecord.load(run).configuration
        guard c.model.kind == .network else {
            throw RunError.invalid("'\(run.url.path)' is an exact-model run: its class posterior is closed-form (--classifier-scale uses it), nothing to train.")
        }
        for file in [weights(run), record(run)] where !force && FileManager.default.fileExists(atPath: file.path) {
            throw RunError.invalid("\(file.path) exists; pass --force to replace it.")
        }
        let options = options ?? defaultTraining(images: c.data.images != nil)
        do { try options.validate() } catch let e as TrainingError { throw RunError.invalid(e.description) }
        let process = try c.makeProcess()
        Threads.set(c.threads)
        let start = Date()
        let progress = Progress(label: "classifier", total: options.steps, quiet: quiet)
        var record: GuidanceClassifierRecord
        let tensors: [String: Tensor]
        if c.data.images != nil {
            let train = try c.loadImages(.train), test = try c.loadImages(.test)
            if width != nil || depth != nil { throw RunError.invalid("--width and --depth set the 2-D classifier's MLP; an image run's classifier is a CNN.") }
            let configuration = NoisyImageClassifier.Configuration(inputChannels: train.channels, resolution: train.imageShape[1], classes: train.classes)
            let network = try NoisyImageClassifier(configuration, seed: c.seed)
            let n = c.data.size
            let samples = Tensor(shape: [n] + train.imageShape, scalars: train.floats(0..<n, interval: -1...1))
            let m = min(test.count, 2000)
            let held = Tensor(shape: [m] + test.imageShape, scalars: test.floats(0..<m, interval: -1...1))
            record = try fit(
                network, samples: samples, labels: Array(train.labels.prefix(n)), held: held, heldLabels: Array(test.labels.prefix(m)),
                process: process, c: c, options: options, architecture: try canonicalJSON(configuration), kind: "image-cnn") { progress.update($0, loss: Double($1)) }
            tensors = network.stateDict()
        } else {
            let source = try c.data.source(seed: c.seed)
            guard source.classes >= 2 else { throw RunError.invalid("\(source.name) has no classes to train a classifier on (a --data file needs a label column).") }
            var configuration = MLPClassifier.Configuration(classes: source.classes)
            configuration.width = width ?? configuration.width
            configuration.depth = depth ?? configuration.depth
            configuration.inputFrequencies = c.model.inputFrequencies
            configuration.inputScale = Float(c.model.inputScale)
            do { try configuration.validate() } catch let e as TrainingError { throw RunError.invalid(e.description) }
            let network = MLPClassifier(configuration, seed: c.seed)
            let draw = c.trainingDraw(source), held = source.heldOutLabeled(2000, seed: c.seed)
            record = try fit(
                network, samples: Tensor(points: draw.points), labels: draw.labels, held: Tensor(points: held.points), heldLabels: held.labels,
                process: process, c: c, options: options, architecture: try canonicalJSON(configuration), kind: "mlp") { progress.update($0, loss: Double($1)) }
            tensors = network.stateDict()
        }
        record.seconds = Date().timeIntervalSince(start)
        let metadata = [
            "format": format, "dataset": record.dataset, "process": try canonicalJSON(c.process), "network": record.network,
            "architecture": record.architecture,
        ]
        try FileFormats.write(Safetensors(tensors: tensors, metadata: metadata).encoded(), to: weights(run))
        try FileFormats.write(try FileFormats.json(record), to: GuidanceClassifierRecord.record(run))
        log("classifier: loss \(String(format: "%.4f", record.firstLoss)) → \(String(format: "%.4f", record.lastLoss)) in \(String(format: "%.1f", record.seconds)) s")
        return record
    }

    /// Trains `network` and measures it on the held-out set at five noise levels.
    static func fit<N: ClassifierNetwork>(
        _ network: N, samples: Tensor, labels: [Int], held: Tensor, heldLabels: [Int], process: any NoiseProcess, c: RunConfiguration,
        options: ClassifierTrainingOptions, architecture: String, kind: String, progress: (Int, Float) -> Void
    ) throws -> GuidanceClassifierRecord {
        let losses = network.train(samples: samples, labels: labels, process: process, options: options, seed: c.seed) { step, loss in progress(step + 1, loss) }
        guard let last = losses.last, last.isFinite else {
            throw RunError.invalid("classifier training diverged at step \(losses.count) (loss \(losses.last ?? .nan)); try a lower --lr.")
        }
        let guide = NetworkClassifier(network, process: process)
        let noise = GSLRandom(seed: splitMix64(c.seed ^ 0xACC), stream: .evaluation)
        let accuracy = [0, 0.1, 0.25, 0.5, 0.75].map { u -> Accuracy in
            let range = process.timeRange
            var t = range.lowerBound + u * (range.upperBound - range.lowerBound)
            if process.discreteSteps != nil { t = t.rounded() }
            let (a, s) = process.marginal(at: t)
            var x = held
            let e = noise.gaussians(x.count)
            for j in 0..<x.count { x.scalars[j] = Float(a) * x.scalars[j] + Float(s) * e[j] }
            let predicted = guide.predict(x, time: t)
            let right = zip(predicted, heldLabels).filter { $0 == $1 }.count
            return Accuracy(time: t, unitTime: u, scaledSigma: s / a, accuracy: Double(right) / Double(heldLabels.count), points: heldLabels.count)
        }
        return GuidanceClassifierRecord(
            dataset: c.data.name, process: c.process, network: kind, architecture: architecture, training: options, seed: c.seed,
            trainingPoints: labels.count, firstLoss: Double(losses.first!), lastLoss: Double(last), accuracy: accuracy, seconds: 0, toolkit: .current())
    }

    /// The classifier in `file` as guidance for the run configured by `c` on `process`; a
    /// classifier of another dataset, process or kind of data is refused, naming both.
    public static func load(_ file: URL, for c: RunConfiguration, process: any NoiseProcess) throws -> any NoisyClassifier {
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw RunError.invalid(
                "--classifier-scale needs the run's noise-conditional classifier, and \(file.path) does not exist: train it with toy classifier train RUN.")
        }
        let stored: Safetensors
        do { stored = try Safetensors(contentsOf: file) } catch let e as NNError { throw CheckpointError.corrupt(file: file.path, reason: e.description) }
        guard stored.metadata["format"] == format else { throw CheckpointError.corrupt(file: file.path, reason: "not a toy noise-conditional classifier") }
        let dataset = stored.metadata["dataset"] ?? "?"
        guard dataset == c.data.name else {
            throw RunError.invalid("the classifier \(file.path) was trained on \(dataset); this run's data is \(c.data.name).")
        }
        let processJSON = try canonicalJSON(c.process)
        guard stored.metadata["process"] == processJSON else {
            throw RunError.invalid(
                "the classifier \(file.path) was trained for the process \(stored.metadata["process"] ?? "?"); this run's is \(processJSON).")
        }
        let architecture = Data((stored.metadata["architecture"] ?? "").utf8)
        do {
            switch stored.metadata["network"] {
            case "mlp":
                let configuration = try JSONDecoder().decode(MLPClassifier.Configuration.self, from: architecture)
                try configuration.validate()
                let network = MLPClassifier(configuration, seed: 0)
                try network.load(stored.tensors)
                return NetworkClassifier(network, process: process)
            case "image-cnn":
                let configuration = try JSONDecoder().decode(NoisyImageClassifier.Configuration.self, from: architecture)
                let network = try NoisyImageClassifier(configuration, seed: 0)
                try network.load(stored.tensors)
                return NetworkClassifier(network, process: process)
            default: throw CheckpointError.corrupt(file: file.path, reason: "unknown classifier network '\(stored.metadata["network"] ?? "")'")
            }
        } catch let e as CheckpointError {
            throw e
        } catch {
            throw CheckpointError.corrupt(file: file.path, reason: "\(error)")
        }
    }
}

extension RunConfiguration {
    /// `toy run` cannot guide a network it has not trained a classifier for yet.
    public func refuseUntrainedClassifier() throws {
        guard model.kind == .network && sampling.classifierGuidance > 0 else { return }
        throw RunError.invalid(
            "--classifier-scale on toy run works with --model exact (the exact class posterior); a trained network's classifier is trained after its run: toy classifier train RUN, then toy sample RUN --label K --classifier-scale S."
        )
    }
}
