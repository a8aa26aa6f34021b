import Foundation

/// What config.json holds: the resolved configuration, the toolkit that ran it, and, once the
/// run has finished, its timings and headline results.
public struct RunRecord: Codable, Sendable {
    public var configuration: RunConfiguration
    public var toolkit: Toolkit
    public var status: Status
    public var timings: Timings?
    public var results: Results?

    /// Where a run stands.
    public enum Status: String, Codable, Sendable {
        case training, interrupted, diverged, complete
    }

    /// Wall-clock seconds of the phases of a run.
    public struct Timings: Codable, Sendable {
        public var trainingSeconds: Double
        public var samplingSeconds: Double
        public var evaluationSeconds: Double?
        public var totalSeconds: Double
        public var stepsPerSecond: Double
    }

    /// Headline numbers of a finished run (metrics proper live in metrics.json, a later issue).
    public struct Results: Codable, Sendable {
        public var trainedSteps: Int
        /// Mean loss over the last 100 steps.
        public var finalLoss: Double?
        public var modelEvaluations: Int
        public var nonFiniteSamples: Int
        public var sampleMean: [Double]
        public var sampleStd: [Double]
        public var dataMean: [Double]
        public var dataStd: [Double]
        /// Image runs: final pixels outside [0, 1] by the last step's rounding, clipped into it in samples.npy.
        public var clippedPixels: Int?
    }

    public init(configuration: RunConfiguration, toolkit: Toolkit, status: Status, timings: Timings? = nil, results: Results? = nil) {
        (self.configuration, self.toolkit, self.status, self.timings, self.results) = (configuration, toolkit, status, timings, results)
    }

    /// Decodes a record; results holding a non-finite number (null in the file) read as absent,
    /// so the run stays usable.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        configuration = try c.decode(RunConfiguration.self, forKey: .configuration)
        toolkit = try c.decode(Toolkit.self, forKey: .toolkit)
        status = try c.decode(Status.self, forKey: .status)
        timings = try? c.decodeIfPresent(Timings.self, forKey: .timings)
        results = try? c.decodeIfPresent(Results.self, forKey: .results)
    }

    /// Reads a run's config.json; errors name the file.
    public static func load(_ directory: RunDirectory) throws -> RunRecord {
        let url = directory.config
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw RunError.notARun(path: directory.url.path, missing: "config.json")
        }
        let record: RunRecord
        do {
            record = try JSONDecoder().decode(RunRecord.self, from: Data(contentsOf: url))
        } catch {
            throw RunError.invalid("'\(url.path)' is not a readable toy run configuration: \(error)")
        }
        // A configuration read back is checked exactly as flags are: an edited or damaged file
        // cannot reach the network or the samplers with sizes they cannot take.
        do { try record.configuration.validate() } catch let e as RunError {
            throw RunError.invalid("'\(url.path)' holds a configuration toy refuses: \(e.description)")
        }
        return record
    }
}
