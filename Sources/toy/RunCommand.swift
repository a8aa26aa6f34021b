import ArgumentParser
import Datasets
import Diffusion
import Engine
import Foundation
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
        abstract: "Train an MLP denoiser on a toy dataset, sample from it and write a run folder.",
        discussion: "Options not given take the dataset's tuned defaults (toy list shows them).")

    @Argument(help: "Dataset: \(ToyDataset.allCases.map(\.rawValue).joined(separator: ", ")) (or give --config).")
    var dataset: ToyDataset?
    @Option(help: "A configuration file (JSON; a run's config.json works); flags override it.") var config: String?
    @Option(help: "Train on your own points: a CSV (x,y and optionally label) or .npy [n, 2] file, instead of DATASET.")
    var data: String?
    @Option(help: "Fraction of a --data file held out for metrics and likelihoods (default: 0.2).") var heldOut: Double?
    @Flag(help: "Print the resolved configuration as JSON and exit.") var printConfig = false

    @Option(help: "Training steps (default: \(base.trainSteps); per dataset, see toy list).") var trainSteps: Int?
    @Option(help: "Batch size (default: \(base.batchSize)).") var batchSize: Int?
    @Option(help: "Peak learning rate of Adam (default: \(base.lr)).") var lr: Double?
    @Option(help: "Learning-rate warm-up steps (default: 100).") var warmupSteps: Int?
    @Option(help: "Final learning rate as a fraction of the peak, cosine decay (default: 0.05).") var lrFloor: Double?
    @Option(help: "AdamW decoupled weight decay (default: 0).") var weightDecay: Double?
    @Option(help: "Gradient-norm clip (default: 1).") var gradClip: Double?
    @Option(help: "EMA decay of the weights used for sampling (default: \(base.emaDecay); per dataset, see toy list).") var emaDecay: Double?
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
    @Option(help: "network (train an MLP) or exact (the closed-form denoiser of gmm or 8gaussians, no training) (default: network).")
    var model: ModelKind?
    @Flag(help: "Train a class-conditional denoiser (datasets with classes; toy list shows them).") var conditional = false
    @Option(help: "Probability of the null label while training a conditional denoiser (default: 0.1).") var labelDropout: Double?
    @Option(help: "Hidden width (default: \(base.width)).") var width: Int?
    @Option(help: "Hidden layers (default: \(base.depth)).") var depth: Int?
    @Option(help: "Activation: \(Activation.allCases.map(\.rawValue).joined(separator: ", ")) (default: silu).") var activation: Activation?
    @Option(help: "Time-embedding features (default: 64).") var timeEmbedding: Int?
    @Option(help: "Fourier features per input coordinate, 0 = raw x (default: \(base.inputFrequencies)).") var inputFrequencies: Int?
    @Option(help: "Scale of the Fourier input features (default: \(base.inputScale)).") var inputScale: Float?
    @Flag(inversion: .prefixedNo, help: "Residual hidden blocks (default: on).") var residual: Bool?
    @Option(help: "Training points drawn from the dataset (default: 50000).") var dataSize: Int?
    @Option(help: "Dataset noise (default: the dataset's convention).") var noise: Double?
    @OptionGroup(title: "Sampling") var sampling: SamplingFlags
    @Option(help: "Random seed (default: 0).") var seed: UInt64?
    @Option(help: "Threads for matrix products (default: 2).") var threads: Int?
    @Option(help: "Steps between resumable checkpoints (default: 500).") var checkpointEvery: Int?
    @Option(help: "Output folder (default: runs/DATASET-YYYYmmdd-HHMMSS).") var out: String?
    @Flag(help: "Reuse a non-empty output folder, replacing its run files.") var force = false
    @Option(help: "Resume the interrupted run in this folder (its saved configuration is used; --train-steps may extend it).")
    var resume: String?
    @Flag(help: "No progress output.") var quiet = false
    @Option(help: "Image format of the figures: png, svg or pdf (animations are GIF; default: png).") var format: FigureFormat = .png

    /// The configuration: the file's (or the dataset's defaults), then every flag given.
    func resolved() throws -> RunConfiguration {
        var c: RunConfiguration
        if let config {
            c = try ConfigurationFile.read(URL(fileURLWithPath: config))
            if let dataset, dataset != c.data.dataset {
                throw RunError.invalid("'\(config)' configures \(c.data.name), not \(dataset.rawValue).")
            }
            if let data { c.data = DataConfiguration(file: data) }
        } else if let data {
            guard dataset == nil else { throw RunError.invalid("give a dataset or --data FILE, not both.") }
            c = DatasetDefaults().configuration(data: DataConfiguration(file: data))
        } else {
            guard let dataset else {
                throw RunError.invalid("name a dataset (\(ToyDataset.allCases.map(\.rawValue).joined(separator: ", "))), or give --data FILE or --config FILE.")
            }
            c = DatasetDefaults.forDataset(dataset).configuration(for: dataset)
        }
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
        c.model.width = width ?? c.model.width
        c.model.depth = depth ?? c.model.depth
        c.model.activation = activation ?? c.model.activation
        c.model.timeEmbedding = timeEmbedding ?? c.model.timeEmbedding
        c.model.inputFrequencies = inputFrequencies ?? c.model.inputFrequencies
        c.model.inputScale = inputScale ?? c.model.inputScale
        c.model.residual = residual ?? c.model.residual
        c.data.size = dataSize ?? c.data.size
        c.data.noise = noise ?? c.data.noise
        sampling.apply(to: &c, defaults: d, keepSteps: config != nil)
        c.threads = threads ?? c.threads
        return c
    }

    func validate() throws {
        if resume != nil {
            if let trainSteps, trainSteps < 1 { throw ValidationError("--train-steps must be at least 1, got \(trainSteps).") }
            if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads).") }
            return
        }
        do { try resolved().validate() } catch let e as RunError { throw ValidationError(e.description) } catch {
            throw ValidationError("\(error)")
        }
    }

    func run() throws {
        let record: RunRecord
        let directory: RunDirectory
        if let resume {
            directory = RunDirectory(URL(fileURLWithPath: resume))
            let saved = try RunRecord.load(directory).configuration
            if let dataset, saved.data.dataset != dataset {
                throw RunError.invalid("'\(resume)' is a run of \(saved.data.name), not \(dataset.rawValue).")
            }
            var runner = ToyRun(directory: directory)
            runner.quiet = quiet
            runner.figureFormat = format
            record = try runner.resume(trainSteps: trainSteps, threads: threads)
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
