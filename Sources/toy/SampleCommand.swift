import ArgumentParser
import Datasets
import Foundation
import Runs
import Plotting
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
    @Flag(help: "Replace the results of an earlier toy sample in --out.") var force = false
    @Option(help: "The noise-conditional classifier of --classifier-scale (default: RUN_DIR/classifier.safetensors).") var classifier: String?
    @Option(
        help:
            "2-D runs: the classifier that judges which class each sample is in (sampling.json's guidance.classShare; default: the guiding one; a mixture's exact posterior always)."
    )
    var judge: String?

    @Option(help: "Image format of an image run's sample grid: png, svg or pdf (default: png).") var format: FigureFormat = .png
    @Flag(inversion: .prefixedNo, help: "Image runs: score the images against the test split (needs the feature classifier, trained once).")
    var metrics = true

    func run() throws {
        let directory = RunDirectory(URL(fileURLWithPath: runDirectory))
        if try RunRecord.load(directory).configuration.data.images != nil { return try sampleImages(directory) }
        if let judge, !FileManager.default.fileExists(atPath: judge) { throw ValidationError("--judge: no classifier at \(judge).") }
        let trained = try TrainedRun(directory)
        let c = try configured(trained.configuration)
        let folder = URL(fileURLWithPath: out ?? "\(runDirectory)/samples/\(c.sampling.sampler.rawValue)-\(c.sampling.steps)")
        try RunDirectory.checkOutput(folder, writes: ["sampling.json", "samples.csv"], force: force)
        let record = try SamplingRecord.make(trained, configuration: c, classifier: classifier.map { URL(fileURLWithPath: $0) }, judge: judge.map { URL(fileURLWithPath: $0) })
        if let notice = try record.write(to: folder, format: format) { FileHandle.standardError.write(Data((notice + "\n").utf8)) }
        if json {
            FileHandle.standardOutput.write(try FileFormats.json(record))
        } else {
            print(
                "\(c.sampling.sampler.rawValue) on \(runDirectory): \(c.sampling.samples) samples, \(record.modelEvaluations) model evaluations, \(String(format: "%.2f", record.seconds)) s → \(folder.path)"
            )
            print(record.quality?.table ?? record.metricsNote ?? "")
        }
    }

    /// The run's configuration with the sampling flags applied, checked.
    func configured(_ run: RunConfiguration) throws -> RunConfiguration {
        var c = run
        c.sampling.sampler = sampling.sampler ?? c.sampling.sampler
        sampling.apply(to: &c, defaults: DatasetDefaults.forData(c.data))
        // The same sampler keeps the run's step count unless --sample-steps says otherwise.
        if sampling.sampleSteps == nil && c.sampling.sampler == run.sampling.sampler { c.sampling.steps = run.sampling.steps }
        c.seed = seed ?? c.seed
        do { try c.validate() } catch let e as RunError { throw ValidationError(e.description) }
        return c
    }

    /// `toy sample` on an image run: samples.npy, sampling.json and the grid.
    func sampleImages(_ directory: RunDirectory) throws {
        let trained = try TrainedImageRun(directory)
        let c = try configured(trained.configuration)
        let folder = URL(fileURLWithPath: out ?? "\(runDirectory)/samples/\(c.sampling.sampler.rawValue)-\(c.sampling.steps)")
        try RunDirectory.checkOutput(folder, writes: ["sampling.json", "samples.npy"], force: force)
        let record = try ImageSamplingRecord.make(
            trained, configuration: c, folder: folder, format: format, metrics: metrics, classifier: classifier.map { URL(fileURLWithPath: $0) }
        ) {
            FileHandle.standardError.write(Data(($0 + "\n").utf8))
        }
        if json {
            FileHandle.standardOutput.write(try FileFormats.json(record))
        } else {
            print(
                "\(c.sampling.sampler.rawValue) on \(runDirectory): \(c.sampling.samples) images, \(record.modelEvaluations) model evaluations, \(String(format: "%.2f", record.seconds)) s → \(folder.path)"
            )
            if let q = record.quality { print(q.table) }
        }
    }
}
