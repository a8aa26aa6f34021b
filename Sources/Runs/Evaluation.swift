import Datasets
import Foundation
import Stats

/// Scores points against fresh draws from a dataset's true generator (never the training draw):
/// two independent draws of the same size from the evaluation stream, one as the reference and
/// one for the data-vs-data baseline.
public func evaluateSamples(
    _ points: [SIMD2<Double>], labels: [Int]? = nil, dataset: ToyDataset, noise: Double?, seed: UInt64, threads: Int = 1
) throws -> QualityEvaluation {
    let rng = GSLRandom(seed: seed, stream: .evaluation)
    let n = max(points.count, 10)
    guard let labels, Set(labels).count == 1, let label = labels.first else {
        let reference = dataset.sample(n, noise: noise, rng: rng)
        let baseline = dataset.sample(n, noise: noise, rng: rng)
        let modes = dataset.modes
        var quality = try QualityEvaluation(
            samples: points, reference: reference, baselineDraw: baseline,
            description: "\(n) + \(n) fresh points of \(dataset.rawValue) from the evaluation stream of seed \(seed)",
            modes: modes?.centers, modeSD: modes?.standardDeviation ?? 1, seed: seed, threads: threads)
        if let labels { quality.perClass = try classQualities(points, labels: labels, dataset: dataset, noise: noise, seed: seed, threads: threads) }
        return quality
    }
    // One class: the reference is that class's fresh data.
    return try classQuality(points, label: label, dataset: dataset, noise: noise, seed: seed, threads: threads)
}

/// The quality of the samples of class `label` against fresh data of that class.
func classQuality(
    _ points: [SIMD2<Double>], label: Int, dataset: ToyDataset, noise: Double?, seed: UInt64, threads: Int
) throws -> QualityEvaluation {
    let n = max(points.count, 10)
    let rng = GSLRandom(seed: splitMix64(seed ^ UInt64(label + 1)), stream: .evaluation)
    var reference: [SIMD2<Double>] = [], baseline: [SIMD2<Double>] = []
    while reference.count < n || baseline.count < n {
        let draw = dataset.sampleLabeled(4 * n, noise: noise, rng: rng).points(ofClass: label)
        let half = draw.count / 2
        reference += draw.prefix(half)
        baseline += draw.suffix(from: half)
    }
    return try QualityEvaluation(
        samples: points, reference: Array(reference.prefix(n)), baselineDraw: Array(baseline.prefix(n)),
        description: "\(n) + \(n) fresh points of class \(label) of \(dataset.rawValue) from the evaluation stream of seed \(seed)",
        seed: seed, threads: threads)
}

/// Per-class quality of labelled samples (classes with at least 10 samples), keyed by label.
func classQualities(
    _ points: [SIMD2<Double>], labels: [Int], dataset: ToyDataset, noise: Double?, seed: UInt64, threads: Int
) throws -> [String: QualityEvaluation] {
    var out: [String: QualityEvaluation] = [:]
    for label in Set(labels).sorted() {
        let mine = zip(points, labels).filter { $0.1 == label }.map(\.0)
        guard mine.count >= 10 else { continue }
        out["\(label)"] = try classQuality(mine, label: label, dataset: dataset, noise: noise, seed: seed, threads: threads)
    }
    return out
}

extension QualityEvaluation {
    /// The table `toy run` and `toy eval` print: each metric for the samples and for data vs data.
    public var table: String {
        func row(_ name: String, _ f: (SampleQuality) -> Double, _ digits: Int = 4) -> String {
            let a = String(format: "%.\(digits)f", f(samples)), b = String(format: "%.\(digits)f", f(baseline))
            return "  \(name.padding(toLength: 26, withPad: " ", startingAt: 0)) \(a.padding(toLength: 11, withPad: " ", startingAt: 0)) \(b)"
        }
        var lines = [
            "  metric                     samples     data vs data",
            row("energy distance", \.energyDistance), row("MMD² (median bandwidth)", \.mmd), row("MMD² (3 bandwidths)", \.mmdMultiBandwidth),
            row("sliced Wasserstein-2", \.slicedWasserstein), row("classifier accuracy (0.5)", \.classifierAccuracy),
            row("precision (k = 3)", \.precision), row("recall (k = 3)", \.recall), row("mean error", \.meanError),
            row("covariance error", \.covarianceError), row("histogram KL(data‖·)", \.histogramKL), row("histogram JS", \.histogramJS),
        ]
        if let shares = samples.modeShares {
            lines.append(row("within 3σ of a mode", { $0.withinThreeSigma ?? .nan }))
            lines.append("  mode shares (samples)      " + shares.map { String(format: "%.3f", $0) }.joined(separator: " "))
        }
        lines.append("  non-finite samples: \(nonFiniteSamples)")
        return lines.joined(separator: "\n")
    }
}
