import ArgumentParser
import Datasets
import Diffusion
import Engine
import Foundation
import NN
import Runs
import Samplers
import Stats

private let base = DatasetDefaults()

/// `toy run DATASET`: train a denoiser, sample from it, write the run folder, print a summary.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Train an MLP denoiser on a toy dataset, sample from it and write a run folder.",
        discussion: "Options not given take the dataset's tuned defaults (toy list shows them).")

    @Argument(help: "Dataset: \(ToyDataset.allCases.map(\.rawValue).joined(separator: ", ")).")
    var dataset: ToyDataset

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
    @Option(help: "Random seed.") var seed: UInt64 = 0
    @Option(help: "Threads for matrix products (default: 2).") var threads: Int?
    @Option(help: "Steps between resumable checkpoints (default: 500).") var checkpointEvery: Int?
    @Option(help: "Output folder (default: runs/DATASET-YYYYmmdd-HHMMSS).") var out: String?
    @Flag(help: "Reuse a non-empty output folder, replacing its run files.") var force = false
    @Option(help: "Resume the interrupted run in this folder (its saved configuration is used; --train-steps may extend it).")
    var resume: String?
    @Flag(help: "No progress output.") var quiet = false

    func resolved() -> RunConfiguration {
        let d = DatasetDefaults.forDataset(dataset)
        var c = d.configuration(for: dataset, seed: seed)
        c.trainSteps = trainSteps ?? c.trainSteps
        c.batchSize = batchSize ?? c.batchSize
        c.lr = lr ?? c.lr
        c.warmupSteps = warmupSteps ?? c.warmupSteps
        c.lrFloor = lrFloor ?? c.lrFloor
        c.weightDecay = weightDecay ?? c.weightDecay
        c.gradClip = gradClip ?? c.gradClip
        c.emaDecay = emaDecay ?? c.emaDecay
        c.timesteps = timesteps ?? c.timesteps
        c.schedule = schedule ?? c.schedule
        // The process and sampler fit each other: a given one chooses the other when it is not given.
        if let process {
            c.process = process
        } else if let sampler = sampling.sampler, !sampler.processes.contains(c.process) {
            c.process = sampler.defaultProcess
        }
        if let sampler = sampling.sampler {
            c.sampler = sampler
        } else if !c.sampler.processes.contains(c.process) {
            c.sampler = c.process == .ncsn ? .annealedLangevin : c.process.isContinuous ? .pc : .ddpm
        }
        c.sigmaMin = sigmaMin ?? c.sigmaMin
        c.sigmaMax = sigmaMax ?? c.sigmaMax
        c.levels = levels ?? c.levels
        c.lossWeighting = lossWeighting ?? c.lossWeighting
        c.prediction = prediction ?? c.prediction
        c.model = model ?? c.model
        c.architecture.width = width ?? c.architecture.width
        c.architecture.depth = depth ?? c.architecture.depth
        c.architecture.activation = activation ?? c.architecture.activation
        c.architecture.timeEmbedding = timeEmbedding ?? c.architecture.timeEmbedding
        c.architecture.inputFrequencies = inputFrequencies ?? c.architecture.inputFrequencies
        c.architecture.inputScale = inputScale ?? c.architecture.inputScale
        c.architecture.residual = residual ?? c.architecture.residual
        c.dataSize = dataSize ?? c.dataSize
        c.noise = noise ?? c.noise
        sampling.apply(to: &c, defaults: d)
        c.threads = threads ?? c.threads
        c.checkpointEvery = checkpointEvery ?? c.checkpointEvery
        return c
    }

    func validate() throws {
        if resume != nil {
            if let trainSteps, trainSteps < 0 { throw ValidationError("--train-steps must be at least 0, got \(trainSteps).") }
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
            guard saved.dataset == dataset else {
                throw RunError.invalid("'\(resume)' is a run of \(saved.dataset.rawValue), not \(dataset.rawValue).")
            }
            var runner = ToyRun(directory: directory)
            runner.quiet = quiet
            record = try runner.resume(trainSteps: trainSteps, threads: threads)
        } else {
            directory = RunDirectory(out.map { URL(fileURLWithPath: $0) } ?? RunDirectory.defaultURL(dataset: dataset.rawValue))
            var runner = ToyRun(directory: directory)
            runner.quiet = quiet
            record = try runner.start(resolved(), force: force)
        }
        print(Report.text(record, directory: directory))
    }
}
