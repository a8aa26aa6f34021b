import Diffusion
import Engine
import Foundation
import Models
import Training

/// What guidance trades (Ho & Salimans 2021; Dhariwal & Nichol 2021): fidelity to the asked class
/// against diversity within it. The share of samples whose most likely class is the one asked for
/// — by the exact class posterior of a Gaussian-mixture dataset, otherwise by the run's
/// noise-conditional classifier, both at the process's least noisy time — and the spread within
/// each asked class: the root-mean-square distance of its samples to their centroid, averaged over
/// the classes, beside the same for that many points of the class's data.
public struct GuidanceMeasures: Codable, Sendable {
    /// nil when no judge is available (no mixture, no classifier.safetensors).
    public var classShare: Double?
    public var judgedBy: String?
    public var spread: Double
    public var dataSpread: Double

    /// The measures of `points` asked for as `labels`; `classifier`: a trained run's classifier file.
    static func measure(
        _ points: [SIMD2<Double>], labels: [Int], source: DataSource, process: any NoiseProcess, configuration c: RunConfiguration, classifier: URL?
    ) throws -> GuidanceMeasures {
        let t = process.timeRange.lowerBound
        let x = Tensor(points: points)
        var judge: (predict: [Int], name: String)? = nil
        if let m = source.mixture {
            let posterior = MixturePosterior(mixture: m, process: process)
            let predicted = points.map { p in
                let logs = (0..<posterior.classes).map { posterior.logPosterior(p, label: $0, alpha: 1, sigma: 0).0 }
                return logs.indices.max { logs[$0] < logs[$1] }!
            }
            judge = (predicted, "the exact class posterior of the mixture")
        } else if let classifier, FileManager.default.fileExists(atPath: classifier.path),
            let guide = try GuidanceClassifierRecord.load(classifier, for: c, process: process) as? NetworkClassifier<MLPClassifier>
        {
            judge = (guide.predict(x, time: t), "the noise-conditional classifier \(classifier.path) at t = \(t)")
        }
        let share = judge.map { j in Double(zip(j.predict, labels).filter { $0 == $1 }.count) / Double(labels.count) }
        var spreads: [Double] = [], dataSpreads: [Double] = []
        for label in Set(labels).sorted() {
            let mine = zip(points, labels).filter { $0.1 == label }.map(\.0)
            guard mine.count >= 2 else { continue }
            spreads.append(rmsSpread(mine))
            dataSpreads.append(rmsSpread(source.referenceDraws(mine.count, label: label, seed: c.seed).reference))
        }
        return GuidanceMeasures(
            classShare: share, judgedBy: judge?.name, spread: spreads.reduce(0, +) / Double(max(spreads.count, 1)),
            dataSpread: dataSpreads.reduce(0, +) / Double(max(dataSpreads.count, 1)))
    }

    /// √(mean ‖p − centroid‖²).
    static func rmsSpread(_ p: [SIMD2<Double>]) -> Double {
        let centroid = p.reduce(SIMD2<Double>.zero, +) / Double(p.count)
        return (p.reduce(0.0) { $0 + (($1 - centroid) * ($1 - centroid)).sum() } / Double(p.count)).squareRoot()
    }
}
