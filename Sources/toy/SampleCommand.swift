import ArgumentParser
import Datasets
import Foundation
import Runs
import Samplers

/// `toy sample RUN_DIR`: sample a finished run's model again with another sampler or budget.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Sample a finished run's model with any sampler that fits its process; writes samples.csv and sampling.json.",
        discussion: "The run's own sampling settings are the defaults; flags override them.")

    @Argument(help: "A run folder written by toy run.") var runDirectory: String
    @OptionGroup(title: "Sampling") var sampling: SamplingFlags
    @Option(help: "Random seed of the prior draw and the sampler's noise (default: the run's).") var seed: UInt64?
    @Option(help: "Output folder (default: RUN_DIR/samples/SAMPLER-STEPS).") var out: String?
    @Flag(help: "Print the record as JSON.") var json = false

    func run() throws {
        let trained = try TrainedRun(RunDirectory(URL(fileURLWithPath: runDirectory)))
        var c = trained.configuration
        c.sampler = sampling.sampler ?? c.sampler
        sampling.apply(to: &c, defaults: DatasetDefaults.forDataset(c.dataset))
        // The same sampler keeps the run's step count unless --sample-steps says otherwise.
        if sampling.sampleSteps == nil && c.sampler == trained.configuration.sampler { c.sampleSteps = trained.configuration.sampleSteps }
        c.seed = seed ?? c.seed
        do { try c.validate() } catch let e as RunError { throw ValidationError(e.description) }
        let folder = URL(fileURLWithPath: out ?? "\(runDirectory)/samples/\(c.sampler.rawValue)-\(c.sampleSteps)")
        let record = try SamplingRecord.make(trained, configuration: c)
        try record.write(to: folder)
        if json {
            FileHandle.standardOutput.write(try FileFormats.json(record))
        } else {
            print(
                "\(c.sampler.rawValue) on \(runDirectory): \(c.samples) samples, \(record.modelEvaluations) model evaluations, \(String(format: "%.2f", record.seconds)) s → \(folder.path)"
            )
            print(record.quality.table)
        }
    }
}
