import ArgumentParser
import Datasets
import Diffusion
import Engine
import Foundation
import ImageData
import Models
import NN
import Plotting
import Runs
import Samplers
import Stats
import Training

private let base = DatasetDefaults()

/// `toy run DATASET`: train a denoiser, sample from it, write the run folder, print a summary.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Train a denoiser (an MLP on 2-D data, a U-Net on images), sample from it and write a run folder.",
        discussion: "Options not given take the dataset's tuned defaults (toy list shows them).")

    @Argument(help: "Dataset: \(DatasetName.allValueStrings.joined(separator: ", ")) (or give --config).")
    var dataset: DatasetName?
    @OptionGroup(title: "Data") var dataFlags: RunDataFlags
    @OptionGroup(title: "Model") var modelFlags: RunModelFlags
    @OptionGroup(title: "Process") var processFlags: RunProcessFlags
    @OptionGroup(title: "Training") var trainingFlags: RunTrainingFlags
    @OptionGroup(title: "Sampling") var sampling: SamplingFlags
    @OptionGroup(title: "Output") var output: RunOutputFlags
    @Flag(help: "Print the resolved configuration as JSON and exit.") var printConfig = false
    @Option(help: "Resume the interrupted run in this folder (its saved configuration is used; --train-steps may extend it).")
    var resume: String?

    // The grouped options under their plain names.
    var dataDir: String? { dataFlags.dataDir }
    var config: String? { dataFlags.config }
    var data: String? { dataFlags.data }
    var heldOut: Double? { dataFlags.heldOut }
    var dataSize: Int? { dataFlags.dataSize }
    var noise: Double? { dataFlags.noise }
    var seed: UInt64? { dataFlags.seed }
    var model: ModelKind? { modelFlags.model }
    var conditional: Bool { modelFlags.conditional }
    var channels: Int? { modelFlags.channels }
    var channelMultipliers: String? { modelFlags.channelMultipliers }
    var resBlocks: Int? { modelFlags.resBlocks }
    var attentionResolutions: String? { modelFlags.attentionResolutions }
    var heads: Int? { modelFlags.heads }
    var groups: Int? { modelFlags.groups }
    var dropout: Float? { modelFlags.dropout }
    var width: Int? { modelFlags.width }
    var depth: Int? { modelFlags.depth }
    var activation: Activation? { modelFlags.activation }
    var timeEmbedding: Int? { modelFlags.timeEmbedding }
    var inputFrequencies: Int? { modelFlags.inputFrequencies }
    var inputScale: Float? { modelFlags.inputScale }
    var residual: Bool? { modelFlags.residual }
    var timesteps: Int? { processFlags.timesteps }
    var schedule: ScheduleKind? { processFlags.schedule }
    var process: ProcessKind? { processFlags.process }
    var sigmaMin: Double? { processFlags.sigmaMin }
    var sigmaMax: Double? { processFlags.sigmaMax }
    var levels: Int? { processFlags.levels }
    var lossWeighting: LossWeighting? { processFlags.lossWeighting }
    var prediction: Prediction? { processFlags.prediction }
    var trainSteps: Int? { trainingFlags.trainSteps }
    var batchSize: Int? { trainingFlags.batchSize }
    var lr: Double? { trainingFlags.lr }
    var warmupSteps: Int? { trainingFlags.warmupSteps }
    var lrFloor: Double? { trainingFlags.lrFloor }
    var weightDecay: Double? { trainingFlags.weightDecay }
    var gradClip: Double? { trainingFlags.gradClip }
    var emaDecay: Double? { trainingFlags.emaDecay }
    var labelDropout: Double? { trainingFlags.labelDropout }
    var checkpointEvery: Int? { trainingFlags.checkpointEvery }
    var threads: Int? { trainingFlags.threads }
    var out: String? { output.out }
    var force: Bool { output.force }
    var format: FigureFormat { output.format }
    var quiet: Bool { output.quiet }

    /// The configuration: the file's (or the dataset's defaults), then every flag given.
    func resolved() throws -> RunConfiguration {
        var c: RunConfiguration
        if let config {
            c = try ConfigurationFile.read(URL(fileURLWithPath: config))
            if let dataset, dataset.name != c.data.name {
                throw RunError.invalid("'\(config)' configures \(c.data.name), not \(dataset.name).")
            }
            if let data { c.data = DataConfiguration(file: data) }
        } else if let data {
            guard dataset == nil else { throw RunError.invalid("give a dataset or --data FILE, not both.") }
            c = DatasetDefaults().configuration(data: DataConfiguration(file: data))
        } else {
            switch dataset {
            case nil:
                throw RunError.invalid("name a dataset (\(DatasetName.allValueStrings.joined(separator: ", "))), or give --data FILE or --config FILE.")
            case .toy(let d):
                c = DatasetDefaults.forDataset(d).configuration(for: d)
            case .images(let kind):
                c = DatasetDefaults.forImages(kind).configuration(data: DataConfiguration(images: kind))
            }
        }
        c.data.directory = dataDir ?? c.data.directory
        try applyModelFlags(to: &c)
        c.data.heldOut = heldOut ?? c.data.heldOut
        let d = DatasetDefaults.forData(c.data)
        c.seed = seed ?? c.seed
        c.training.steps = trainSteps ?? c.training.steps
        c.training.batchSize = batchSize ?? c.training.batchSize
        c.training.lr = lr ?? c.training.lr
        c.training.warmupSteps = warmupSteps ?? c.training.warmupSteps
        c.training.lrFloor = lrFloor ?? c.training.lrFloor
        c.training.weightDecay = weightDecay ?? c.training.weightDecay
        c.training.gradClip = gradClip ?? c.training.gradClip
        c.training.emaDecay = emaDecay ?? c.training.emaDecay
        c.training.labelDropout = labelDropout ?? c.training.labelDropout
        c.training.checkpointEvery = checkpointEvery ?? c.training.checkpointEvery
        c.process.timesteps = timesteps ?? c.process.timesteps
        c.process.schedule = schedule ?? c.process.schedule
        // The process and sampler fit each other: a given one chooses the other when it is not given.
        c.process.kind = process ?? c.process.kind
        c.sampling.sampler = sampling.sampler ?? c.sampling.sampler
        c.fitSamplerAndProcess(samplerGiven: sampling.sampler != nil, processGiven: process != nil)
        c.process.sigmaMin = sigmaMin ?? c.process.sigmaMin
        c.process.sigmaMax = sigmaMax ?? c.process.sigmaMax
        c.process.levels = levels ?? c.process.levels
        c.process.lossWeighting = lossWeighting ?? c.process.lossWeighting
        c.process.prediction = prediction ?? c.process.prediction
        c.model.kind = model ?? c.model.kind
        c.model.conditional = conditional || c.model.conditional
        c.data.size = dataSize ?? c.data.size
        c.data.noise = noise ?? c.data.noise
        sampling.apply(to: &c, defaults: d, keepSteps: config != nil)
        c.threads = threads ?? c.threads
        return c
    }

    /// The model flags: the MLP's on 2-D data, the U-Net's on images; the other kind's are refused.
    func applyModelFlags(to c: inout RunConfiguration) throws {
        let mlpFlags: [(String, Bool)] = [
            ("--width", width != nil), ("--depth", depth != nil), ("--activation", activation != nil), ("--time-embedding", timeEmbedding != nil),
            ("--input-frequencies", inputFrequencies != nil), ("--input-scale", inputScale != nil), ("--residual", residual != nil),
        ]
        let unetFlags: [(String, Bool)] = [
            ("--channels", channels != nil), ("--channel-multipliers", channelMultipliers != nil), ("--res-blocks", resBlocks != nil),
            ("--attention-resolutions", attentionResolutions != nil), ("--heads", heads != nil), ("--groups", groups != nil),
            ("--dropout", dropout != nil),
        ]
        guard var u = c.model.unet else {
            if let given = unetFlags.first(where: \.1) {
                throw RunError.invalid("\(given.0) sets the U-Net of image datasets; \(c.data.name) is 2-D data for the MLP (--width, --depth, …).")
            }
            c.model.width = width ?? c.model.width
            c.model.depth = depth ?? c.model.depth
            c.model.activation = activation ?? c.model.activation
            c.model.timeEmbedding = timeEmbedding ?? c.model.timeEmbedding
            c.model.inputFrequencies = inputFrequencies ?? c.model.inputFrequencies
            c.model.inputScale = inputScale ?? c.model.inputScale
            c.model.residual = residual ?? c.model.residual
            return
        }
        if let given = mlpFlags.first(where: \.1) {
            throw RunError.invalid("\(given.0) sets the 2-D MLP; \(c.data.name) is an image dataset, whose U-Net takes --channels, --channel-multipliers, --res-blocks, --attention-resolutions, --heads, --groups, --dropout.")
        }
        func integers(_ text: String, flag: String) throws -> [Int] {
            if text == "none" { return [] }
            let parts = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !parts.isEmpty, parts.allSatisfy({ ($0 ?? 0) >= 1 }) else {
                throw RunError.invalid("\(flag) takes positive whole numbers separated by commas (e.g. 1,2,2), got '\(text)'.")
            }
            return parts.map { $0! }
        }
        u.baseChannels = channels ?? u.baseChannels
        if let channelMultipliers {
            let levelsBefore = u.multipliers.count
            u.multipliers = try integers(channelMultipliers, flag: "--channel-multipliers")
            // Attention follows the lowest level unless given.
            if attentionResolutions == nil && u.attentionResolutions == [u.resolution >> (levelsBefore - 1)] {
                u.attentionResolutions = [u.resolution >> (u.multipliers.count - 1)]
            }
        }
        u.blocksPerLevel = resBlocks ?? u.blocksPerLevel
        if let attentionResolutions {
            u.attentionResolutions = try integers(attentionResolutions, flag: "--attention-resolutions")
            let levels = u.levelResolutions
            if let bad = u.attentionResolutions.first(where: { !levels.contains($0) }) {
                throw RunError.invalid(
                    "--attention-resolutions: \(bad) is not a resolution of this U-Net; its levels are \(levels.map(String.init).joined(separator: ", ")).")
            }
        }
        u.heads = heads ?? u.heads
        u.groups = groups ?? u.groups
        u.dropout = dropout ?? u.dropout
        c.model.unet = u
    }

    func validate() throws {
        if resume != nil {
            if let trainSteps, trainSteps < 1 { throw ValidationError("--train-steps must be at least 1, got \(trainSteps).") }
            if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads).") }
            if let lr, !(lr > 0 && lr <= 10) { throw ValidationError("--lr must be in (0, 10], got \(lr).") }
            // Every other flag would change the recorded configuration: refused, never ignored.
            let given = CommandLine.arguments.dropFirst(2).filter { $0.hasPrefix("--") }.map { String($0.split(separator: "=")[0]) }
            let fixed = Array(Set(given.filter { !Self.resumable.contains($0) })).sorted()
            if !fixed.isEmpty {
                throw ValidationError(
                    "--resume continues the run in its folder with its recorded configuration; \(fixed.joined(separator: ", ")) cannot be given with it (only --train-steps to extend it, --lr to change the peak learning rate from the checkpoint on, --threads, --quiet, --format).")
            }
            return
        }
        do {
            let c = try resolved()
            try c.validate()
            try c.refuseUntrainedClassifier()
        } catch let e as RunError { throw ValidationError(e.description) } catch {
            throw ValidationError("\(error)")
        }
    }

    /// The flags `--resume` accepts.
    static let resumable: Set<String> = ["--resume", "--train-steps", "--lr", "--threads", "--quiet", "--format"]

    func run() throws {
        let record: RunRecord
        let directory: RunDirectory
        if let resume {
            directory = RunDirectory(URL(fileURLWithPath: resume))
            let saved = try RunRecord.load(directory).configuration
            if let dataset, saved.data.name != dataset.name {
                throw RunError.invalid("'\(resume)' is a run of \(saved.data.name), not \(dataset.name).")
            }
            var runner = ToyRun(directory: directory)
            runner.quiet = quiet
            runner.figureFormat = format
            record = try runner.resume(trainSteps: trainSteps, threads: threads, lr: lr)
        } else {
            let c = try resolved()
            if printConfig {
                FileHandle.standardOutput.write(try FileFormats.json(c))
                return
            }
            directory = RunDirectory(out.map { URL(fileURLWithPath: $0) } ?? RunDirectory.defaultURL(dataset: c.data.name))
            var runner = ToyRun(directory: directory)
            runner.quiet = quiet
            runner.figureFormat = format
            record = try runner.start(c, force: force)
        }
        print(Report.text(record, directory: directory))
    }
}

/// The data options of `toy run`.
struct RunDataFlags: ParsableArguments {
    @Option(help: "Folder of an image dataset's files (default: where toy list says).") var dataDir: String?
    @Option(help: "A configuration file (JSON; a run's config.json works); flags override it.") var config: String?
    @Option(help: "Train on your own points: a CSV (x,y and optionally label) or .npy [n, 2] file, instead of DATASET.")
    var data: String?
    @Option(help: "Fraction of a --data file held out for metrics and likelihoods (default: 0.2).") var heldOut: Double?
    @Option(help: "Training points drawn from the dataset (default: 50000).") var dataSize: Int?
    @Option(help: "Dataset noise (default: the dataset's convention).") var noise: Double?
    @Option(help: "Random seed (default: 0).") var seed: UInt64?
}

/// The model options of `toy run`.
struct RunModelFlags: ParsableArguments {
    @Option(help: "network (train an MLP) or exact (the closed-form denoiser of gmm or 8gaussians, no training) (default: network).")
    var model: ModelKind?
    @Flag(help: "Train a class-conditional denoiser (datasets with classes; toy list shows them).") var conditional = false
    @Option(help: "U-Net (images): base channels (default: 32).") var channels: Int?
    @Option(help: "U-Net (images): channel multipliers per resolution level, comma-separated (default: 1,2,2).") var channelMultipliers: String?
    @Option(help: "U-Net (images): residual blocks per level (default: 2).") var resBlocks: Int?
    @Option(help: "U-Net (images): resolutions with self-attention, comma-separated, or none (default: the lowest level's).")
    var attentionResolutions: String?
    @Option(help: "U-Net (images): attention heads (default: 1).") var heads: Int?
    @Option(help: "U-Net (images): GroupNorm groups (default: 8).") var groups: Int?
    @Option(help: "U-Net (images): dropout in the residual blocks (default: 0).") var dropout: Float?
    @Option(help: "Hidden width (default: \(base.width)).") var width: Int?
    @Option(help: "Hidden layers (default: \(base.depth)).") var depth: Int?
    @Option(help: "Activation: \(Activation.allCases.map(\.rawValue).joined(separator: ", ")) (default: silu).") var activation: Activation?
    @Option(help: "Time-embedding features (default: 64).") var timeEmbedding: Int?
    @Option(help: "Fourier features per input coordinate, 0 = raw x (default: \(base.inputFrequencies)).") var inputFrequencies: Int?
    @Option(help: "Scale of the Fourier input features (default: \(base.inputScale)).") var inputScale: Float?
    @Flag(inversion: .prefixedNo, help: "Residual hidden blocks (default: on).") var residual: Bool?
}

/// The process options of `toy run`.
struct RunProcessFlags: ParsableArguments {
    @Option(help: "Diffusion timesteps T (default: \(base.timesteps)).") var timesteps: Int?
    @Option(help: "Noise schedule: \(ScheduleKind.allCases.map(\.rawValue).joined(separator: ", ")) (default: \(base.schedule.rawValue)).")
    var schedule: ScheduleKind?
    @Option(help: "Forward process: \(ProcessKind.allCases.map(\.rawValue).joined(separator: ", ")) (default: per dataset, or what --sampler needs).")
    var process: ProcessKind?
    @Option(help: "Smallest noise σ of --process ve and ncsn (default: 0.01).") var sigmaMin: Double?
    @Option(help: "Largest noise σ of --process ve and ncsn (default: the largest distance between two training points).")
    var sigmaMax: Double?
    @Option(help: "Noise levels of --process ncsn (default: 10).") var levels: Int?
    @Option(help: "Loss weighting over noise levels: simple or likelihood (g², continuous processes) (default: simple).")
    var lossWeighting: LossWeighting?
    @Option(help: "What the network predicts: \(Prediction.allCases.map(\.rawValue).joined(separator: ", ")) (default: epsilon).")
    var prediction: Prediction?
}

/// The training options of `toy run`.
struct RunTrainingFlags: ParsableArguments {

    @Option(help: "Training steps (default: \(base.trainSteps); per dataset, see toy list).") var trainSteps: Int?
    @Option(help: "Batch size (default: \(base.batchSize)).") var batchSize: Int?
    @Option(help: "Peak learning rate of Adam (default: \(base.lr)).") var lr: Double?
    @Option(help: "Learning-rate warm-up steps (default: 100).") var warmupSteps: Int?
    @Option(help: "Final learning rate as a fraction of the peak, cosine decay (default: 0.05).") var lrFloor: Double?
    @Option(help: "AdamW decoupled weight decay (default: 0).") var weightDecay: Double?
    @Option(help: "Gradient-norm clip (default: 1).") var gradClip: Double?
    @Option(help: "EMA decay of the weights used for sampling (default: \(base.emaDecay); per dataset, see toy list).") var emaDecay: Double?
    @Option(help: "Probability of the null label while training a conditional denoiser (default: 0.1).") var labelDropout: Double?
    @Option(help: "Steps between resumable checkpoints (default: 500).") var checkpointEvery: Int?
    @Option(help: "Threads for matrix products (default: 2).") var threads: Int?
}

/// The output options of `toy run`.
struct RunOutputFlags: ParsableArguments {
    @Option(help: "Output folder (default: runs/DATASET-YYYYmmdd-HHMMSS).") var out: String?
    @Flag(help: "Reuse a non-empty output folder, replacing its run files.") var force = false
    @Option(help: "Image format of the figures: png, svg or pdf (animations are GIF; default: png).") var format: FigureFormat = .png
    @Flag(help: "No progress output.") var quiet = false
}
