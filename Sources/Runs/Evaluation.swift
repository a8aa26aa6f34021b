import Datasets
import Foundation
import Stats

/// Scores points against fresh draws from a dataset's true generator (never the training draw):
/// two independent draws of the same size from the evaluation stream, one as the reference and
/// one for the data-vs-data baseline.
public func evaluateSamples(
    _ points: [SIMD2<Double>], labels: [Int]? = nil, source: DataSource, seed: UInt64, threads: Int = 1
) throws -> QualityEvaluation {
    let n = max(points.count, 10)
    if let labels, Set(labels).count == 1, let label = labels.first {
        // One class: the reference is that class's data.
        return try classQuality(points, label: label, source: source, seed: seed, threads: threads)
    }
    let (reference, baseline, what) = source.referenceDraws(n, seed: seed)
    let (scored, k, note) = equalSizes(points, reference, baseline)
    let modes = source.modes
    var quality = try QualityEvaluation(
        samples: scored, reference: Array(reference.prefix(k)), baselineDraw: Array(baseline.prefix(k)), description: what + note,
        modes: modes?.centers, modeSD: modes?.standardDeviation ?? 1, seed: seed, threads: threads)
    if let labels {
        var perClass: [String: QualityEvaluation] = [:]
        for label in Set(labels).sorted() {
            let mine = zip(points, labels).filter { $0.1 == label }.map(\.0)
            guard mine.count >= 10 else { continue }
            perClass["\(label)"] = try classQuality(mine, label: label, source: source, seed: seed, threads: threads)
        }
        quality.perClass = perClass
    }
    return quality
}

/// `evaluateSamples` against a toy dataset's fresh draws.
public func evaluateSamples(_ points: [SIMD2<Double>], dataset: ToyDataset, noise: Double?, seed: UInt64, threads: Int = 1) throws
    -> QualityEvaluation
{
    try evaluateSamples(points, source: .toy(dataset, noise: noise), seed: seed, threads: threads)
}

/// The quality of the samples of class `label` against that class's data.
func classQuality(_ points: [SIMD2<Double>], label: Int, source: DataSource, seed: UInt64, threads: Int) throws -> QualityEvaluation {
    let (reference, baseline, what) = source.referenceDraws(max(points.count, 10), label: label, seed: seed)
    let (scored, k, note) = equalSizes(points, reference, baseline)
    return try QualityEvaluation(
        samples: scored, reference: Array(reference.prefix(k)), baselineDraw: Array(baseline.prefix(k)), description: what + note, seed: seed,
        threads: threads)
}

/// Samples, reference and baseline cut to one size: two-sample metrics (the classifier test above
/// all) compare like with like only between sets of equal size. A held-out file part can be
/// smaller than the sample; then the first k samples (i.i.d., so a fair subset) are scored.
func equalSizes(_ points: [SIMD2<Double>], _ reference: [SIMD2<Double>], _ baseline: [SIMD2<Double>]) -> ([SIMD2<Double>], Int, String) {
    let k = min(reference.count, baseline.count)
    guard points.count > k else { return (points, k, "") }
    return (Array(points.prefix(k)), k, "; the first \(k) of \(points.count) samples scored")
}

extension QualityEvaluation {
    /// The table `toy run` and `toy eval` print: each metric for the samples and for data vs data.
    public var table: String {
        func row(_ name: String, _ key: String, _ f: (SampleQuality) -> Double, _ digits: Int = 4) -> String {
            let a = String(format: "%.\(digits)f", f(samples)), b = String(format: "%.\(digits)f", f(baseline))
            let better = SampleQuality.better[key] ?? ""
            return "  \(name.padding(toLength: 26, withPad: " ", startingAt: 0)) \(a.padding(toLength: 11, withPad: " ", startingAt: 0)) \(b.padding(toLength: 13, withPad: " ", startingAt: 0)) \(better)"
        }
        var lines = [
            "  metric                     samples     data vs data  better",
            row("energy distance", "energyDistance", \.energyDistance), row("MMD² (fixed bandwidth)", "mmd", \.mmd),
            row("MMD² (3 bandwidths)", "mmdMultiBandwidth", \.mmdMultiBandwidth), row("sliced Wasserstein-2", "slicedWasserstein", \.slicedWasserstein),
            row("classifier accuracy", "classifierAccuracy", \.classifierAccuracy), row("precision (k = 3)", "precision", \.precision),
            row("recall (k = 3)", "recall", \.recall), row("mean error", "meanError", \.meanError),
            row("covariance error", "covarianceError", \.covarianceError), row("histogram KL(data‖·)", "histogramKL", \.histogramKL),
            row("histogram JS", "histogramJS", \.histogramJS),
        ]
        if let shares = samples.modeShares {
            lines.append(row("within 3σ of a mode", "withinThreeSigma", { $0.withinThreeSigma ?? .nan }))
            lines.append("  mode shares (samples)      " + shares.map { String(format: "%.3f", $0) }.joined(separator: " "))
        }
        lines.append("  non-finite samples: \(nonFiniteSamples)")
        return lines.joined(separator: "\n")
    }
}
