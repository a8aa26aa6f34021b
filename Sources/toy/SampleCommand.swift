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
        c.sampling.sampler = sampling.sampler ?? c.sampling.sampler
        sampling.apply(to: &c, defaults: DatasetDefaults.forData(c.data))
        // The same sampler keeps the run's step count unless --sample-steps says otherwise.
        if sampling.sampleSteps == nil && c.sampling.sampler == trained.configuration.sampling.sampler { c.sampling.steps = trained.configuration.sampling.steps }
        c.seed = seed ?? c.seed
        do { try c.validate() } catch let e as RunError { throw ValidationError(e.description) }
        let folder = URL(fileURLWithPath: out ?? "\(runDirectory)/samples/\(c.sampling.sampler.rawValue)-\(c.sampling.steps)")
        let record = try SamplingRecord.make(trained, configuration: c)
        try record.write(to: folder)
        if json {
            FileHandle.standardOutput.write(try FileFormats.json(record))
        } else {
            print(
                "\(c.sampling.sampler.rawValue) on \(runDirectory): \(c.sampling.samples) samples, \(record.modelEvaluations) model evaluations, \(String(format: "%.2f", record.seconds)) s → \(folder.path)"
            )
            print(record.quality.table)
        }
    }
}
