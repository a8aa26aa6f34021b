import Datasets
import Diffusion
import Foundation
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

    /// Checks every section, naming the flag at fault.
    public func validate() throws {
        do {
            try data.validate()
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
        if model.kind == .exact && data.dataset.mixture(noise: data.noise) == nil {
            throw RunError.invalid(
                "--model exact needs a dataset with a closed-form score; \(data.dataset.rawValue) has none. Datasets with one: \(ToyDataset.withExactScore.map(\.rawValue).joined(separator: ", "))."
            )
        }
        let classes = data.dataset.classes
        if model.conditional && classes == 0 {
            throw RunError.invalid("--conditional needs a dataset with classes; \(data.dataset.rawValue) has none.")
        }
        if let label = sampling.label {
            guard model.conditional || model.kind == .exact else {
                throw RunError.invalid("--label needs a conditional model (--conditional, or --model exact).")
            }
            guard label < classes else {
                throw RunError.invalid("--label must be between 0 and \(classes - 1) for \(data.dataset.rawValue), got \(label).")
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
    /// Euclidean distance between two training points (over the first 2,000).
    public static func largestPairwiseDistance(_ data: [Float]) -> Double {
        let n = min(data.count / 2, 2000)
        var best: Float = 0
        for i in 0..<n {
            for j in (i + 1)..<max(n, i + 1) {
                let dx = data[2 * i] - data[2 * j], dy = data[2 * i + 1] - data[2 * j + 1]
                best = max(best, dx * dx + dy * dy)
            }
        }
        return Double(best.squareRoot())
    }
}

/// The `data` section: which toy distribution, its noise and the size of the training draw.
public struct DataConfiguration: Codable, Sendable, Equatable {
    public var dataset: ToyDataset
    /// Generator noise; nil = the dataset's convention.
    public var noise: Double? = nil
    /// Size of the training draw (data.csv).
    public var size = 50_000

    public init(dataset: ToyDataset) { self.dataset = dataset }

    public func validate() throws {
        if size < 1 { throw RunError.invalid("--data-size must be at least 1, got \(size).") }
        if let noise, !(noise >= 0 && noise.isFinite) { throw RunError.invalid("--noise must be at least 0, got \(noise).") }
    }
}
