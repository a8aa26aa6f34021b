import Datasets
import Engine
import Foundation
import Plotting
import Samplers
import Stats

/// One sampling of a trained run (what `toy sample` writes as sampling.json): the configuration,
/// the model evaluations and wall time it took, and the quality of its samples.
public struct SamplingRecord: Codable, Sendable {
    public var configuration: RunConfiguration
    public var modelEvaluations: Int
    public var seconds: Double
    /// nil when the samples could not be scored (`metricsNote` says why).
    public var quality: QualityEvaluation?
    public var metricsNote: String?
    /// Class share and spread of the samples when they were asked for classes (guidance's trade-off).
    public var guidance: GuidanceMeasures?
    public var toolkit: Toolkit
    /// The samples themselves (written to samples.csv, not to the JSON).
    public var samples: [Float] = []
    public var labels: [Int]? = nil

    enum CodingKeys: String, CodingKey { case configuration, modelEvaluations, seconds, quality, metricsNote, guidance, toolkit }

    /// Samples `trained`'s model with `configuration`'s sampler settings and scores the result.
    /// Classifier guidance uses the run's classifier, or the one in `classifier`; the class share of
    /// the samples is judged by `judge` (default: the guiding classifier; the exact posterior of a mixture).
    public static func make(_ trained: TrainedRun, configuration c: RunConfiguration, classifier: URL? = nil, judge: URL? = nil) throws -> SamplingRecord {
        Threads.set(c.threads)
        let start = Date()
        let labels = c.samplingLabels(trained.source)
        let model = try trained.model(for: c, classifier: classifier)
        let result = try drawSamples(model: model, process: trained.process, configuration: c)
        let seconds = Date().timeIntervalSince(start)
        let s = result.samples.scalars
        let points = stride(from: 0, to: s.count, by: 2).map { SIMD2(Double(s[$0]), Double(s[$0 + 1])) }
        var quality: QualityEvaluation?, metricsNote: String?
        do { quality = try evaluateSamples(points, labels: labels, source: trained.source, seed: c.seed, threads: c.threads) } catch let e as QualityError {
            metricsNote = "metrics were not computed: \(e)"
        }
        let guidance = try labels.map {
            try GuidanceMeasures.measure(
                points, labels: $0, source: trained.source, process: trained.process, configuration: c,
                classifier: judge ?? classifier ?? GuidanceClassifierRecord.weights(trained.directory))
        }
        return SamplingRecord(
            configuration: c, modelEvaluations: result.modelEvaluations * model.evaluationsPerCall, seconds: seconds, quality: quality, metricsNote: metricsNote, guidance: guidance,
            toolkit: .current(), samples: s, labels: labels)
    }

    /// Writes samples.csv, samples.npy and sampling.json into `folder` (created when missing),
    /// atomically, and the samples figure (`writeFigure`); returns a notice when the figure could
    /// not be rendered.
    @discardableResult
    public func write(to folder: URL, format: FigureFormat = .png) throws -> String? {
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw RunError.notWritable(path: folder.path, reason: error.localizedDescription)
        }
        try FileFormats.write(FileFormats.pointsCSV(samples, labels: labels), to: folder.appendingPathComponent("samples.csv"))
        try FileFormats.write(FileFormats.npy(samples, shape: [samples.count / 2, 2]), to: folder.appendingPathComponent("samples.npy"))
        try FileFormats.write(try FileFormats.json(self), to: folder.appendingPathComponent("sampling.json"))
        return try Self.writeFigure(folder: folder, configuration: configuration, format: format)
    }

    /// samples.png (+ .gp, .dat) of a sampling folder: its samples.csv beside the run's training
    /// draw (regenerated from the configuration), as `toy run` draws it. `toy plot` redraws it.
    @discardableResult
    public static func writeFigure(folder: URL, configuration c: RunConfiguration, format: FigureFormat) throws -> String? {
        let samples = try PointsCSV.read(folder.appendingPathComponent("samples.csv"))
        let data = c.trainingDraw(try c.data.source(seed: c.seed)).points
        let title = "\(c.data.name): \(c.sampling.sampler.rawValue), \(c.sampling.steps) steps (toy sample)"
        return try writeFigures([Figures.samples(data: Array(data.prefix(5000)), samples: samples, title: title)], to: folder, format: format).notice
    }
}
