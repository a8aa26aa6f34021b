import ArgumentParser
import Datasets
import Diffusion
import Foundation
import Runs
import Samplers

/// `toy step-error DATASET`: where Euler's or Heun's error arises along the Karras grid, measured
/// against the exact score of the noised training points.
struct StepErrorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "step-error",
        abstract: "Per-step error of Euler or Heun on the Karras grid against the exact probability-flow ODE of the training points.",
        discussion: """
            The model is the exact score of the noised empirical distribution of --points training points (no learning \
            error). Each step starts from the exact trajectory at σ_i and compares one step of the sampler with the same \
            step integrated by Heun over --substeps geometric sub-steps (its own error, against twice as many, is printed \
            as reference_error). Writes CSV (stdout, or --out).
            """)

    @Argument(help: "The dataset (toy list shows them).") var dataset: ToyDataset
    @Option(help: "Forward process: ddpm, vp, ve or subvp.") var process: ProcessKind = .ve
    @Option(help: "euler or heun.") var sampler: SamplerKind = .heun
    @Option(help: "Steps of the Karras grid (Heun at a budget of 10 evaluations takes 5).") var sampleSteps = 5
    @Option(help: "Training points whose noised distribution is the model.") var points = 1000
    @Option(help: "Samples walked along the grid.") var samples = 1000
    @Option(help: "Sub-steps of the reference integration of each step.") var substeps = 64
    @Option(help: "Seed of the training points and the prior draw.") var seed: UInt64 = 0
    @Option(help: "Write the CSV here instead of stdout (atomically).") var out: String?

    func validate() throws {
        guard sampler == .euler || sampler == .heun else { throw ValidationError("--sampler must be euler or heun, got \(sampler.rawValue).") }
        guard ProcessKind.withMarginals.contains(process) else {
            throw ValidationError(
                "--process \(process.rawValue) has no probability-flow ODE; use one of \(ProcessKind.withMarginals.map(\.rawValue).joined(separator: ", ")).")
        }
        guard sampleSteps >= 2 else { throw ValidationError("--sample-steps must be at least 2, got \(sampleSteps).") }
        guard points >= 1 && points <= 100_000 else { throw ValidationError("--points must be between 1 and 100000, got \(points).") }
        guard samples >= 2 && samples <= 1_000_000 else { throw ValidationError("--samples must be between 2 and 1000000, got \(samples).") }
        guard substeps >= 2 && substeps <= 100_000 else { throw ValidationError("--substeps must be between 2 and 100000, got \(substeps).") }
    }

    func run() throws {
        var c = DatasetDefaults.forDataset(dataset).configuration(for: dataset)
        c.process.kind = process
        c.data.size = points
        c.sampling.samples = samples
        c.seed = seed
        let (errors, spacing) = try StepErrorStudy(configuration: c, method: sampler, steps: sampleSteps, substeps: substeps).run()
        let command = "toy step-error \(dataset.rawValue) --process \(process.rawValue) --sampler \(sampler.rawValue) --sample-steps \(sampleSteps) --points \(points) --samples \(samples) --substeps \(substeps) --seed \(seed)"
        var csv = "command,sampler,points,spacing,step,sigma_from,sigma_to,relative_error,spread_ratio,reference_error\n"
        for e in errors {
            csv += "\"\(command)\",\(sampler.rawValue),\(points),\(spacing),\(e.step),\(e.sigmaFrom),\(e.sigmaTo),\(e.relativeError),\(e.spreadRatio),\(e.referenceError)\n"
        }
        if let out {
            try FileFormats.write(Data(csv.utf8), to: URL(fileURLWithPath: out))
        } else {
            print(csv, terminator: "")
        }
    }
}
